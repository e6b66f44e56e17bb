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
cli-identity-expected = eram esperadas linhas AGE-SECRET-KEY-1...

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
cli-no-totp = a { $name } não tem TOTP configurado
cli-token-not-permitted = { $name }: seu acesso não permite ver a senha nem iniciar uma sessão, então o token não é mostrado
cli-short-secret = a { $name } tem uma chave secreta curta ({ $bits } bits; recomenda-se 128 ou mais)
cli-code-hotp-no-time = a { $name } tem uma chave HOTP: seus códigos seguem um contador, não o relógio, então --at e --next não se aplicam (--peek mostra o código sem avançar)
cli-code-peek-totp = --peek é para chaves HOTP; a { $name } tem uma TOTP, cujo código não muda ao ser mostrado

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

## doctor: cada verificação diz o que encontrou e, depois de →, o que fazer
cli-doctor-failed = algumas verificações falharam (✗); cada uma diz o que fazer
cli-doctor-run = execute: { $command }
cli-doctor-see-message = veja a mensagem
cli-doctor-vault-demo = cofre: nenhum encontrado, então é mostrado o cofre de demonstração embutido
cli-doctor-vault-demo-fix = coloque o seu em $XDG_CONFIG_HOME/credview/vault.json ou use --vault PATH
cli-doctor-vault-refused = cofre: { $path }: { $why }
cli-doctor-vault-encrypted = cofre: { $path } (cifrado com age: legível, não aberto aqui)
cli-doctor-vault-unreadable = cofre: não foi possível ler { $path }: { $error }
cli-doctor-vault-unreadable-fix = confira o caminho e o dono do arquivo
cli-doctor-vault-read = cofre: { $path }, { $count ->
        [one] 1 credencial
       *[other] { $count } credenciais
    }
cli-doctor-vault-bad = cofre: { $error }
cli-doctor-vault-bad-fix = corrija o que a mensagem aponta
cli-doctor-permissions-ok = permissões do cofre: só você pode lê-lo
cli-doctor-permissions = permissões do cofre: { $what }
cli-doctor-permissions-fix = torne-o privado
cli-doctor-audit-off = registro de auditoria: desligado (--no-audit)
cli-doctor-audit-off-fix = retire --no-audit para registrar o que é revelado
cli-doctor-audit-nowhere = registro de auditoria: não há onde gravá-lo (nem $XDG_STATE_HOME nem $HOME está definida)
cli-doctor-audit-nowhere-fix = defina $XDG_STATE_HOME ou use --audit PATH
cli-doctor-audit-writable = registro de auditoria: { $path } pode ser gravado
cli-doctor-audit-unwritable = registro de auditoria: não foi possível gravar { $path }: { $error }
cli-doctor-audit-unwritable-fix = corrija o dono ou as permissões dele, ou use --audit PATH
cli-doctor-audit-later = registro de auditoria: { $path } (criado na primeira revelação)
cli-doctor-audit-folder = registro de auditoria: { $folder } não pode ser gravada, então { $path } não pode ser criado
cli-doctor-audit-folder-fix = use --audit PATH em um lugar onde você possa gravar
cli-doctor-audit-no-folder = registro de auditoria: não existe nenhuma pasta acima de { $path }
cli-doctor-audit-no-folder-fix = use --audit PATH
cli-doctor-clipboard-system = área de transferência: `c` copia para a área de transferência do sistema (há um display definido)
cli-doctor-clipboard-tmux = área de transferência: `c` envia OSC 52 pelo tmux (set-clipboard on)
cli-doctor-clipboard-tmux-off = área de transferência: `c` envia OSC 52, mas o set-clipboard do tmux está { $setting }, então ele nunca chega
cli-doctor-clipboard-tmux-off-fix = execute: tmux set -g set-clipboard on (e acrescente-o ao ~/.tmux.conf)
cli-doctor-clipboard-tmux-unknown = área de transferência: `c` envia OSC 52 dentro do tmux, cujo set-clipboard não pôde ser lido
cli-doctor-clipboard-tmux-unknown-fix = confira se o tmux está com set-clipboard on
cli-doctor-clipboard-osc52 = área de transferência: `c` envia OSC 52 ao terminal (SSH ou sem display); o terminal precisa permitir
cli-doctor-terminal-none = terminal: a saída não é um terminal, então o tamanho é desconhecido
cli-doctor-terminal-none-fix = execute o doctor no terminal que você usa
cli-doctor-terminal-size = terminal: { $size }
cli-doctor-terminal-small = terminal: { $size }, menor que os { $needed } de que Detalhes precisa
cli-doctor-terminal-small-fix = aumente a janela
cli-doctor-terminal-unknown = terminal: tamanho desconhecido ({ $error })
cli-doctor-terminal-unknown-fix = execute o doctor em um terminal
cli-doctor-colours-off = cores: desligadas (NO_COLOR está definida); a cor de alerta da contagem regressiva não aparece
cli-doctor-colours-off-fix = remova NO_COLOR
cli-doctor-colours-term = cores: TERM é "{ $term }"
cli-doctor-colours-term-fix = defina TERM como o do seu terminal (xterm-256color, por exemplo)
cli-doctor-colours-24bit = cores: 24 bits ({ $term })
cli-doctor-colours-256 = cores: 256 ({ $term })
cli-doctor-colours-basic = cores: básicas ({ $term })
cli-doctor-clock-correction-bad = relógio: { $what }
cli-doctor-clock-correction-bad-fix = execute: credview time reset
cli-doctor-clock-corrected = relógio: corrigido em { $offset } (time sync com { $server })
cli-doctor-clock-unchecked = relógio: não verificado (nenhum servidor NTP configurado)
cli-doctor-clock-unchecked-fix = acrescente --ntp pool.ntp.org, ou ntp_servers no arquivo de configurações
cli-doctor-clock-no-answer = relógio: nenhum servidor NTP respondeu em 1 s
cli-doctor-clock-no-answer-fix = confira os nomes dos servidores e se a porta UDP 123 está aberta
cli-doctor-clock = relógio: { $offset } { $server }
cli-doctor-clock-at-risk = { $clock }: códigos em risco
cli-doctor-clock-at-risk-fix = execute: credview time sync
cli-doctor-clock-wrong = { $clock }: códigos errados
cli-doctor-clock-wrong-fix = execute: credview time sync (ou acerte o relógio do sistema)

## import
cli-import-empty = os arquivos não têm contas a importar
cli-import-failed-entries = { $count ->
        [one] 1 entrada não pode ser importada (veja a tabela); nada foi gravado
       *[other] { $count } entradas não podem ser importadas (veja a tabela); nada foi gravado
    }
cli-import-nothing-new = nada de novo a importar: todas as contas já estão em { $vault }
cli-import-dry-run = simulação: { $added } a adicionar, { $skipped } ignoradas, { $failed } com falha; nada foi gravado
cli-import-dry-run-failed = { $count ->
        [one] 1 entrada não pode ser importada
       *[other] { $count } entradas não podem ser importadas
    }
cli-import-done = { $count ->
        [one] 1 credencial importada
       *[other] { $count } credenciais importadas
    } para { $vault } ({ $skipped } ignoradas)
cli-import-file-read = { $format } ({ $count ->
        [one] 1 entrada
       *[other] { $count } entradas
    })
cli-import-unreadable = não foi possível lê-lo: { $error }
cli-import-too-large = o arquivo é maior que qualquer exportação de autenticador (64 MiB)
cli-import-from = ORIGEM
cli-import-kind = TIPO
cli-import-account = CONTA
cli-import-result = RESULTADO
cli-import-would-add = seria adicionada com o id { $id }
cli-import-added = adicionada com o id { $id }
cli-import-skipped = ignorada: { $why }
cli-import-failed = falhou: { $why }

## Gravando o cofre: init, add, totp
cli-cannot-write = não foi possível gravar { $path }: { $error }
cli-exists-use-force = { $path } já existe; acrescente --force para substituí-lo
cli-changed-not-recorded = o cofre foi alterado, mas o registro de auditoria não foi gravado: { $error }
cli-init-nowhere = não há onde criar o cofre: informe um PATH (nem $XDG_CONFIG_HOME nem $HOME está definida)
cli-init-needs-age = { $name }: o nome de um cofre cifrado deve terminar em .age
cli-init-age-needs-encrypt = { $name }: um nome terminado em .age é de um cofre cifrado; acrescente --encrypt
cli-init-exists = { $name }: já existe um arquivo ali; credview init nunca substitui um cofre
# $vault: `--vault PATH ` quando o cofre não está onde o credview procura sozinho; senão, nada.
cli-init-created = cofre vazio { $name } criado; adicione credenciais com `credview { $vault }add`
cli-add-added = credencial { $id } ({ $name }) adicionada
cli-add-username-empty = --username está vazio
cli-totp-replace = a { $name } já tem uma chave secreta TOTP; substituí-la
cli-totp-remove = remover a chave secreta TOTP da { $name }
cli-totp-gone = a credencial { $id } foi removida do cofre nesse meio-tempo
cli-totp-has-hotp = a credencial { $id } tem uma chave HOTP, e uma credencial tem "totp" ou "hotp", não os dois; nada foi alterado
cli-totp-set = chave secreta TOTP definida para a { $name }
cli-totp-removed = chave secreta TOTP removida da { $name }
cli-enrol-short = { $what } (aviso: uma chave secreta curta, com menos de 128 bits)
cli-enrol-first-code = { $what }; o código { $code } vale por mais { $seconds } s: digite-o onde o site pede a confirmação

## A chave secreta de um novo TOTP
cli-secret-prompt = Chave secreta (TOTP), ou uma URI otpauth:// (não é mostrada):{" "}
cli-secret-no-terminal = não há terminal para pedir a chave secreta; use --secret-stdin, --uri ou --qr-image
cli-secret-none = nenhuma chave secreta foi dada: nada foi digitado
cli-secret-not-utf8 = nenhuma chave secreta foi dada: a chave secreta não é texto UTF-8 válido
cli-secret-not-given = nenhuma chave secreta foi dada: { $error }
cli-secret-uri-prefix = --uri: uma URI da chave começa com "otpauth://totp/"
cli-secret-settings-given = uma URI da chave ou um código QR traz seu próprio algoritmo, dígitos e período; não use --algorithm, --digits nem --period
cli-secret-image-too-large = maior que { $mib } MiB; recorte a captura de tela no código QR
cli-secret-stdin-unreadable = --secret-stdin: não foi possível ler a entrada padrão: { $error }
cli-secret-stdin-not-utf8 = --secret-stdin: a entrada não é texto UTF-8

## Confirmações
cli-confirm-ask = { $question }? [s/N]
# As respostas, além de y e yes, que querem dizer sim (minúsculas, separadas por vírgula).
cli-confirm-yes-words = s, sim
cli-confirm-needs-yes = { $question }: acrescente --yes para confirmar (não há terminal onde perguntar); nada foi alterado
cli-confirm-not-confirmed = não confirmado; nada foi alterado
cli-confirm-unreadable = não foi possível ler a resposta: { $error }

## encrypt, decrypt
cli-encrypt-needs-age = { $target }: o nome de um cofre cifrado deve terminar em .age, e é assim que o credview sabe que deve decifrá-lo
cli-encrypt-already = { $origin }: já está cifrado
cli-encrypt-done = nota: { $target } gravado; o arquivo simples { $origin } continua lá: apague-o depois de conferir que o credview abre { $target }
cli-decrypt-file-plain = { $path } guarda o cofre em texto claro; apague-o quando terminar
cli-decrypt-plain = este é o cofre em texto claro; mantenha-o fora do disco e dos logs

## export
cli-export-qr-google = --qr desenha payloads do Google Authenticator: acrescente --format google
cli-export-hidden = deixadas de fora: { $count ->
        [one] 1 credencial cujo token você não pode ver
       *[other] { $count } credenciais cujo token você não pode ver
    }
cli-export-refused = deixados de fora: ids { $ids }
cli-export-nothing = nenhuma credencial com código a exportar
cli-export-clear-text = a exportação contém { $count ->
        [one] 1 chave secreta
       *[other] { $count } chaves secretas
    } em texto claro; quem a ler pode gerar os códigos. Apague-a depois de importar.
cli-export-not-recorded = { $error }; a exportação foi recusada (--no-audit desliga a auditoria)
cli-export-qr-caption = código { $number } de { $count }: leia todos os códigos no Google Authenticator (Transferir contas > Importar contas)
cli-export-needs-yes = exportar chaves secretas exige confirmação: execute em um terminal, ou acrescente --yes
cli-export-confirm = Exportar { $count ->
        [one] 1 chave secreta
       *[other] { $count } chaves secretas
    } em texto claro
cli-export-not-confirmed = não confirmado; nada foi exportado

## Contadores HOTP
cli-hotp-read-only = credencial { $id }: este cofre não pode ser gravado, então o contador HOTP não pode avançar
cli-hotp-not-advanced = { $name }: o contador não avançou
cli-hotp-none = a { $name } não tem chave HOTP
cli-hotp-peek = peek: este é o código do contador HOTP { $counter }, que não avançou; ele é mostrado de novo até o contador mudar
cli-hotp-no-match = o código não confere com a { $name } nos contadores HOTP de { $from } a { $to }; nada foi alterado
cli-hotp-not-changed = { $name }: o contador não foi alterado
cli-hotp-matched = ok: confere com o contador HOTP { $matched }; o contador guardado agora é { $stored }
cli-counter-gone = a credencial { $id } não está mais no cofre
cli-counter-no-hotp = a credencial { $id } não tem mais chave HOTP

## qr
cli-qr-exists = ele já existe; acrescente --force para substituí-lo
cli-not-a-folder = { $path } não é uma pasta

## render
cli-render-hotp = a { $name } tem uma chave HOTP, cujos códigos se usam uma só vez: acrescente --advance para preencher o token com o próximo código (o contador guardado avança antes)
cli-render-password-not-permitted = { $name }: seu acesso não permite ver a senha, que o modelo usa
cli-render-no-password = a { $name } não tem senha
cli-render-waiting = aguardando { $seconds } s pelo próximo código (--min-validity)
cli-render-clock-jumping = o relógio continuou saltando; nenhum código com tempo suficiente foi encontrado
cli-render-template-unreadable = não foi possível ler o modelo { $path }: { $error }
cli-render-stdin-unreadable = não foi possível ler o modelo: { $error }
cli-render-not-utf8 = o modelo não é texto UTF-8

## ssh
cli-ssh-not-permitted = você não pode iniciar uma sessão com a credencial { $id }: seu acesso não permite
cli-ssh-not-recorded = { $error }; a sessão não foi iniciada (--audit PATH registra em outro lugar, --no-audit desliga a auditoria)
cli-ssh-not-supplied = não fornecido para a credencial { $id }: { $missing } (responda você mesmo ao que o ssh perguntar)
cli-ssh-reason-required = a credencial { $id } exige um motivo para iniciar uma sessão: informe --reason TEXT
cli-ssh-reason-prompt = motivo da sessão com a credencial { $id }:{" "}

## time
cli-time-no-servers = nenhum servidor de hora está configurado: indique um com --ntp HOST[:PORT] (pool.ntp.org, por exemplo) ou em ntp_servers no arquivo de configurações
cli-time-correction-ignored = a correção do relógio foi ignorada: { $error }
cli-time-system-clock = relógio do sistema
cli-time-correction-label = correção
cli-time-verdict-label = veredito
cli-time-correction = { $offset } (credview time sync com { $server })
cli-time-correction-none = nenhuma
cli-time-no-answer = nenhum servidor de hora respondeu: o relógio não pôde ser verificado
cli-time-verdict = { $verdict } (o relógio está { $offset } { $server })
cli-time-verdict-corrected = { $verdict } (o relógio corrigido está { $offset } { $server })
cli-time-off = { $verdict }; `credview time sync` corrige os códigos (ou acerte o relógio do sistema)
cli-time-answer = diferença { $offset }, ida e volta { $trip } ms
cli-time-nowhere = não há onde guardar a correção (nem $XDG_STATE_HOME nem $HOME está definida)
cli-time-sync-no-answer = nenhum servidor de hora respondeu, nada foi guardado ({ $why })
cli-time-synced = relógio corrigido em { $offset } (com { $server }): os códigos agora usam a hora corrigida; `credview time reset` remove a correção
cli-time-cannot-remove = não foi possível remover { $path }: { $error }
cli-time-reset = correção do relógio removida: os códigos voltam a usar o relógio do sistema
cli-time-reset-none = nenhuma correção do relógio estava guardada: os códigos usam o relógio do sistema

## verify
cli-verify-digits-only = o código a conferir deve ter só dígitos
cli-verify-hotp-no-time = a { $name } tem uma chave HOTP: seus códigos seguem um contador, não o relógio, então --at não se aplica
cli-verify-steam-length = o código tem { $typed } caracteres, mas a { $name } tem uma chave Steam, cujos códigos têm { $digits }
cli-verify-length = o código tem { $typed } dígitos, mas a { $name } usa { $digits }
cli-verify-matched = ok: confere com o passo de diferença { $offset }
cli-verify-no-match = o código não confere com a { $name } em até { $window ->
        [one] 1 passo
       *[other] { $window } passos
    } para cada lado

## audit
cli-audit-not-recorded = { $error }; nada foi mostrado (--audit PATH registra em outro lugar, --no-audit desliga a auditoria)
cli-audit-nowhere = não há registro de auditoria a mostrar: nem $XDG_STATE_HOME nem $HOME está definida (use --audit PATH)
cli-audit-none-yet = ainda não há registro de auditoria em { $path }
cli-audit-unreadable = não foi possível ler o registro de auditoria { $path }: { $error }
cli-audit-corrupt = não é um registro de auditoria; ignorado
cli-audit-time = HORA
cli-audit-user = USUÁRIO
cli-audit-event = EVENTO
cli-audit-id = ID
cli-audit-credential = CREDENCIAL
cli-audit-reason = MOTIVO

## man
cli-man-pages-failed = { $dir }: não foi possível gravar as páginas de manual: { $error }
