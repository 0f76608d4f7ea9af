-- A unit's type as it stands before its name (RegistryImporter.titleType): the registry's long classes of cities and
-- special zones read "thành phố thuộc tỉnh Sông Công" in every name tonghop wrote ("Thành phố Sông Công" is meant).
UPDATE unit SET unit_type = 'Thành phố' WHERE unit_type LIKE 'Thành phố %';
UPDATE unit SET unit_type = 'Đặc khu' WHERE unit_type LIKE 'Đặc khu %';
