-- 0003: the speaker's role as stated beside the quote ("il viceministro degli Esteri armeno").
ALTER TABLE quotes ADD COLUMN speaker_role TEXT;
