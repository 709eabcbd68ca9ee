-- 0002: the role stated beside a person's name ("il viceministro degli Esteri armeno ..."),
-- as a position code, kept with the mention for the facts stage.
ALTER TABLE mentions ADD COLUMN role TEXT;
