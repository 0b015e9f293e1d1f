module corpusgen

go 1.19
