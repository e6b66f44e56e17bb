# Erros: o que deu errado e o que fazer. O `CAMINHO:LINHA:COLUNA:` antes deles não fica aqui.
language-unknown = o idioma { $text } não é um que o credview fala ({ $names })
