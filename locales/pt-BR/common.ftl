# Palavras comuns às telas e à linha de comando.
value-not-one-of = não é um de { $names }
