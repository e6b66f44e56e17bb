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

## Em toda parte
cli-output-failed = não foi possível gravar a saída: { $error }
cli-core-dumps = não foi possível desativar os core dumps: { $error }
cli-terminal-failed = o terminal falhou: { $error }
cli-not-utf8 = o arquivo não é texto UTF-8
cli-interrupted = interrompido
# Como as mensagens nomeiam uma credencial: `credencial 101 (root@srv-db-01)`.
cli-credential = credencial { $id } ({ $name })
cli-progress-reading = lendo { $name }
cli-progress-unlocking = desbloqueando { $origin }
cli-wrong-place-audit = audit lê o registro, não o cofre
cli-wrong-place-no-vault = este comando não lê o cofre
cli-wrong-place-time = time e doctor não funcionam com um cofre aberto
cli-wrong-place-crypt = encrypt e decrypt trabalham com arquivos, não com um cofre aberto
cli-wrong-place-write = este comando grava o cofre, não um cofre aberto

## Frases secretas
cli-passphrase-for = Frase secreta de { $origin }:{" "}
cli-passphrase-new = Nova frase secreta para { $target }:{" "}
cli-passphrase-again = Digite-a de novo:{" "}
cli-passphrase-differ = as duas frases secretas são diferentes; nada foi gravado
cli-passphrase-empty = a frase secreta está vazia
cli-passphrase-file-empty = a primeira linha, a frase secreta, está vazia
cli-passphrase-no-terminal = não há terminal para pedir a frase secreta; defina { $variable } com um arquivo que a contenha
cli-passphrase-none = nenhuma frase secreta foi digitada
cli-passphrase-not-utf8 = a frase secreta não é texto UTF-8 válido
cli-recipient-invalid = --recipient { $text }: não é uma chave pública age (age1...)
cli-identity-expected = esperadas linhas AGE-SECRET-KEY-1...

## list
cli-list-id = ID
cli-list-hostname = HOSTNAME
cli-list-type = TIPO
cli-list-username = USUÁRIO
cli-list-additional = ADICIONAL
cli-list-domain = DOMÍNIO
cli-list-tags = TAGS
cli-list-last-view = ÚLTIMA VISUALIZAÇÃO
cli-list-totp = TOTP
cli-list-totp-yes = sim
cli-list-totp-no = não

## code
cli-at-before-1970 = --at { $secs }: horários antes de 1970 não são suportados
cli-no-totp = { $name } não tem TOTP configurado
cli-token-not-permitted = { $name }: seu acesso não permite ver a senha nem iniciar uma sessão, então o token não é mostrado
cli-short-secret = { $name } tem uma chave secreta curta ({ $bits } bits; recomenda-se 128 ou mais)
cli-code-hotp-no-time = { $name } tem uma chave HOTP: seus códigos seguem um contador, não o relógio, então --at e --next não se aplicam (--peek mostra o código sem avançar)
cli-code-peek-totp = --peek é para chaves HOTP; { $name } tem uma TOTP, cujo código não muda ao ser mostrado

## config
cli-config-settings-file = arquivo de configurações
cli-config-file-read = { $path } (lido)
cli-config-file-absent = { $path } (ausente: valem os padrões)
cli-config-file-nowhere = nenhum ($XDG_CONFIG_HOME e $HOME não estão definidas)
cli-config-none = (nenhum)
cli-config-on = ligado
cli-config-off = desligado
cli-config-from-default = padrão
cli-config-from-file = arquivo
cli-config-from-environment = ambiente { $name }
cli-config-from-flag = opção { $flag }
cli-config-zone-unknown = o fuso horário local é desconhecido ({ $error }); as datas são mostradas em UTC
cli-config-unreadable = não foi possível ler as configurações: { $error }
cli-config-theme-unknown = o tema { $text } não é um de { $names }
cli-config-seconds-range = { $value } está fora do intervalo: segundos de { $least } a { $most }
cli-config-path-empty = o caminho está vazio
cli-config-prompt-empty = uma palavra de prompt está vazia
