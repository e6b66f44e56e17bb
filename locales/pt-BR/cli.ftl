# Saída dos comandos, perguntas e mensagens. O `error: ` e o `warning: ` antes de uma mensagem,
# e um `CAMINHO:LINHA:COLUNA:` depois deles, ficam como estão em todos os idiomas: scripts os procuram.

## Os erros de uso do clap
cli-usage-value-missing = um valor é obrigatório para { $arg }, mas nenhum foi dado
cli-usage-value-invalid = valor inválido { $value } para { $arg }
cli-usage-value-unexpected = valor inesperado { $value } para { $arg }; nenhum outro era esperado
cli-usage-unknown-argument = argumento inesperado { $arg }
cli-usage-unknown-command = subcomando desconhecido { $name }
cli-usage-missing-arguments = os seguintes argumentos obrigatórios não foram dados:
cli-usage-missing-command = { $name } exige um subcomando, mas nenhum foi dado
cli-usage-conflict = o argumento { $arg } não pode ser usado com { $other }
cli-usage-repeated = o argumento { $arg } não pode ser usado mais de uma vez
cli-usage-equals-needed = é preciso um sinal de igual para dar valores a { $arg }
cli-usage-tip = dica
cli-usage-similar = existe um parecido: { $names }
cli-usage-more = Para mais informações, experimente { $help }.
