# Erros: o que deu errado e o que fazer. O `CAMINHO:LINHA:COLUNA:` antes deles não fica aqui.
language-unknown = o idioma { $text } não é um que o credview fala ({ $names })

## As palavras do serde e do serde_json, num cofre ou numa exportação que não pode ser lida.
err-json-eof-list = uma lista ficou aberta
err-json-eof-object = um objeto ficou aberto
err-json-eof-string = um texto ficou aberto
err-json-eof-value = falta um valor
err-json-expected-colon = esperado `:`
err-json-expected-comma-or-bracket = esperado `,` ou `]`
err-json-expected-comma-or-brace = esperado `,` ou `{"}"}`
err-json-expected-ident = esperado um valor (true, false ou null)
err-json-expected-value = esperado um valor
err-json-expected-quote = esperado `"`
err-json-invalid-escape = sequência de escape inválida
err-json-invalid-number = número inválido
err-json-number-out-of-range = número fora do intervalo
err-json-invalid-unicode = ponto de código Unicode inválido
err-json-control-character = caractere de controle (\u0000-\u001F) dentro de um texto
err-json-key-not-string = o nome de um campo deve ser um texto entre aspas
err-json-lone-surrogate = surrogate inicial sem par num escape hexadecimal
err-json-trailing-comma = vírgula sobrando no final
err-json-trailing-characters = caracteres sobrando no final
err-json-hex-escape-end = escape hexadecimal incompleto
err-json-too-deep = aninhamento profundo demais
err-json-missing-field = falta o campo { $field }
err-json-duplicate-field = campo repetido { $field }
err-json-unknown-field = campo desconhecido { $field }; os campos aceitos são { $known }
err-json-unknown-field-none = campo desconhecido { $field }; aqui não há campos
err-json-or = ou
err-json-invalid-type = tipo inválido: { $found }, esperado { $expected }
err-json-wrong-type = um valor do tipo errado, esperado { $expected }
err-json-wrong-type-bare = um valor do tipo errado
err-json-kind-string = um texto
err-json-kind-number = um número
err-json-kind-boolean = um booleano
err-json-kind-map = um objeto
err-json-kind-sequence = uma lista
err-json-kind-null = null
err-json-kind-whole-number = um número inteiro
err-json-kind-list = uma lista
err-json-kind-true-or-false = true ou false

## Leitura de um cofre. `CAMINHO:LINHA:COLUNA:` vem antes destas.
err-vault-not-object = um cofre é um objeto JSON: {"{"}"version": 1, "credentials": [...]{"}"}
err-vault-text-after-end = há texto depois do {"}"} que fecha o cofre
err-vault-json-invalid = JSON inválido: { $what }
err-vault-json-eof = { $what }: o arquivo termina cedo demais
err-vault-credential = credencial { $id }
err-vault-credential-number = credencial nº { $number }
err-vault-some-credential = uma credencial
err-vault-version-unsupported = versão { $version } não suportada; este credview lê a versão { $supported }
err-vault-version-not-number = version deve ser o número { $supported }
err-vault-expect-credentials = uma lista de credenciais
err-vault-id-not-positive = id deve ser um número inteiro positivo
err-vault-id-duplicate = id { $id } repetido (a credencial nº { $first } já o usa)
err-vault-username-empty = username está vazio
err-vault-totp-and-hotp = uma credencial tem "totp" ou "hotp", não os dois (ela já tem "{ $earlier }")
err-vault-is-directory = é uma pasta, não um arquivo de cofre
err-vault-bom = o arquivo começa com uma marca de ordem de bytes (BOM); salve-o como UTF-8 sem BOM
err-vault-not-utf8 = o arquivo não é UTF-8 válido aqui; salve-o como UTF-8
err-vault-empty = o arquivo está vazio; um cofre é um objeto JSON {"{"}"version": 1, "credentials": [...]{"}"}
err-vault-not-found = arquivo não encontrado; confira o caminho, ou deixe --vault e $CREDVIEW_VAULT sem valor para usar o cofre de demonstração
err-vault-permission-denied = permissão negada; confira o dono e as permissões do arquivo
err-vault-cannot-read = não foi possível ler o arquivo: { $error }
err-vault-expect-date = uma data e hora RFC 3339 em texto, como "2026-11-20T14:03:00Z"
err-vault-date-invalid = não é uma data e hora RFC 3339 como "2026-11-20T14:03:00Z"
err-vault-password-not-string = password deve ser um texto
err-vault-expect-totp = um objeto totp {"{"}"secret": ...{"}"} ou um texto "otpauth://totp/..."
err-vault-hotp-uri-in-totp = uma URI da chave "otpauth://hotp/" vai em "hotp", não em "totp"
err-vault-expect-time-offset = time_offset em segundos inteiros, de -{ $max } a { $max }
err-vault-time-offset-range = time_offset deve ficar entre -{ $max } e { $max } segundos, não { $secs }
err-vault-encoder-unknown = encoder desconhecido "{ $encoder }" (o único é "steam")
err-vault-expect-base32 = um texto em base32
err-vault-expect-algorithm = SHA1, SHA256 ou SHA512
err-vault-counter-range = um número inteiro de 0 a 18446744073709551615
err-vault-expect-hotp = um objeto hotp {"{"}"secret": ..., "counter": 0{"}"} ou um texto "otpauth://hotp/..."
err-vault-totp-uri-in-hotp = uma URI da chave em "hotp" começa com "otpauth://hotp/"; uma baseada em tempo vai em "totp"
err-vault-counter-negative = o contador é negativo; ele deve ser { $range }
err-vault-counter-fraction = o contador não é um número inteiro; ele deve ser { $range }
err-vault-counter-too-large = o contador passa de 2^64-1; ele deve ser { $range }
err-vault-counter-float = o contador está escrito com fração ou expoente; ele deve ser { $range }
err-vault-counter-string = o contador é um texto; ele deve ser { $range }, sem aspas
err-vault-hotp-period = um objeto hotp não tem period: códigos HOTP não expiram; remova-o, ou use "totp"
err-vault-port-range = port deve ser um número inteiro de 1 a 65535
err-vault-expect-port = um número de porta de 1 a 65535

## Gravação de um cofre, sua trava, criptografia age, bancos de dados KeePassXC.
err-write-demo = o cofre de demonstração embutido não pode ser alterado; crie o seu com `credview init` (ou `credview import`) e use-o com --vault ou $CREDVIEW_VAULT
err-write-invalid = a alteração deixaria o cofre inválido ({ $why }); nada foi gravado
err-write-failed = { $why }; o cofre não foi alterado
err-write-init-exists = já existe um arquivo aqui; o credview init nunca substitui um cofre
err-write-create-folder = não foi possível criar a pasta { $folder }: { $error }
err-write-no-vault = arquivo não encontrado; crie um cofre com `credview init` primeiro
err-write-cannot-read = não foi possível ler o cofre: { $error }
err-write-reads-back-otherwise = a releitura não confere com o que foi escrito
err-write-no-space = não há espaço para gravar a nova versão ({ $error })
err-write-read-only = o sistema de arquivos é somente leitura ({ $error })
err-write-folder-denied = não é possível gravar na pasta do cofre ({ $error })
err-write-cannot-write = não foi possível gravar a nova versão: { $error }
err-write-no-key-to-encrypt = não é possível criptografar o cofre de novo: não há frase secreta nem --identity
err-lock-cannot-create = não foi possível criar o arquivo de trava ao lado do cofre ({ $error }); a pasta do cofre precisa permitir gravação para alterar o cofre
err-lock-cannot-open = não foi possível abrir o arquivo de trava: { $error }
err-lock-busy = outro credview está gravando o cofre há { $secs } s; nada foi gravado, tente de novo quando ele terminar
err-lock-busy-pid = outro credview (pid { $pid }) está gravando o cofre há { $secs } s; nada foi gravado, tente de novo quando ele terminar
err-age-no-passphrase = o cofre está criptografado e nenhuma frase secreta foi informada
err-age-needs-identity = o cofre está criptografado para uma chave age, não com uma frase secreta; adicione --identity ARQUIVO com a chave correspondente
err-age-cannot-encrypt = não foi possível criptografar: { $error }
err-age-plain-json = isto é JSON simples, não um arquivo age; dê a ele a extensão .json, ou criptografe-o com `credview encrypt`
err-age-header-truncated = o arquivo termina cedo demais: está truncado, ou não é um arquivo age
err-age-unknown-format = um formato age que este credview não conhece; o arquivo veio de uma versão mais nova do age?
err-age-armor-damaged = o arquivo age em modo texto (armor) está danificado (o texto foi alterado ou cortado)
err-age-not-age = não é um arquivo age, ou o cabeçalho está danificado
err-age-wrong-passphrase = frase secreta errada (ou o arquivo foi alterado depois de criptografado)
err-age-no-matching-identity = nenhuma das chaves de --identity abre este cofre (ele foi criptografado para outra chave, ou alterado depois)
err-age-header-changed = o cabeçalho do arquivo foi alterado ou danificado depois de criptografado
err-age-work-factor = o arquivo pede fator de trabalho scrypt 2^{ $required }; o credview permite no máximo 2^{ $max } (criptografe-o de novo com `credview encrypt` ou `age -p`)
err-age-identity-encrypted = um arquivo de --identity está ele mesmo criptografado; dê ao credview um arquivo de identidade sem criptografia
err-age-payload-truncated = o arquivo termina cedo demais: ele foi truncado
err-age-payload-damaged = o arquivo foi alterado, danificado ou cortado depois de criptografado
err-kdbx-read-only = bancos de dados KeePassXC são somente leitura aqui; para alterar estas contas no credview, copie-as para um cofre do credview com `credview import` (exporte antes o banco de dados como CSV no KeePassXC)
err-kdbx-wrong-key = senha mestra ou arquivo de chave errado para o banco de dados KeePassXC
err-kdbx-wrong-key-or-damaged = senha mestra ou arquivo de chave errado para o banco de dados KeePassXC (ou ele está danificado)
err-kdbx-bad-key-file = o --key-file não contém uma chave KeePass
err-kdbx-version = uma versão de banco de dados KeePass que o credview não abre (KDBX 3.1 e 4 são suportados)
err-kdbx-truncated = o banco de dados KeePassXC termina cedo demais: está truncado
err-kdbx-unreadable = o banco de dados KeePassXC não pode ser lido: { $error }
err-kdbx-no-username = (sem usuário)
err-kdbx-otp-unusable = O atributo otp não pode ser usado: { $why }
err-perms-file-open = { $path } pode ser lido pelo grupo ou por outros (modo { $mode }); execute: chmod 600 { $path }
err-perms-folder-open = a pasta do cofre { $folder } está aberta ao grupo ou a outros (modo { $mode }); execute: chmod 700 { $folder }
err-perms-symlink = recusado: é um link simbólico para { $target }, num lugar onde qualquer um pode gravar; mova o cofre para uma pasta privada
err-vault-cannot-serialize = não foi possível escrever o cofre como JSON: { $error }
err-hotp-counter-at-end = o contador HOTP chegou ao fim (18446744073709551615) e não pode avançar; nada foi alterado. Cadastre uma nova chave secreta HOTP junto ao serviço
err-lookup-no-id = nenhuma credencial tem o id { $id }
err-lookup-no-name = nenhuma credencial se chama "{ $name }" (use um id ou usuário@host; `credview list` mostra as credenciais)
err-lookup-ambiguous = "{ $name }" corresponde a várias credenciais (ids { $ids }); use o id

## Chaves secretas TOTP e HOTP, suas configurações e URIs da chave.
err-secret-empty = a chave secreta está vazia
err-secret-bad-character = a chave secreta tem um caractere fora do base32 (A-Z, 2-7) na posição { $position }
err-secret-bad-length = a chave secreta tem { $length ->
        [one] 1 caractere base32, quantidade que nenhum número inteiro de bytes codifica
       *[other] { $length } caracteres base32, quantidade que nenhum número inteiro de bytes codifica
    }
err-otp-algorithm-unknown = algoritmo desconhecido "{ $name }" (esperado SHA1, SHA256 ou SHA512)
err-otp-digits = digits deve ser 6, 7 ou 8, não { $digits }
err-otp-period = period deve ficar entre 1 e 86400 segundos, não { $period }
err-otp-steam-digits = digits deve ser 5 para um código Steam (ou ficar de fora), não { $digits }
err-otp-steam-algorithm = algorithm deve ser SHA1 para um código Steam (ou ficar de fora), não { $algorithm }
err-otp-steam-period = period deve ser 30 segundos para um código Steam (ou ficar de fora), não { $period }
err-uri-not-otpauth = uma URI da chave começa com "otpauth://totp/" (ou hotp, ou steam)
err-uri-unsupported-type = só URIs da chave "totp", "hotp" e "steam" são suportadas, não "{ $kind }"
err-uri-missing-counter = uma URI da chave "otpauth://hotp/" precisa de um parâmetro "counter"
err-uri-bad-counter = o "counter" da URI da chave deve ser um número inteiro de 0 a 18446744073709551615
err-uri-missing-secret = a URI da chave não tem o parâmetro "secret"
err-uri-bad-encoding = a parte { $part } da URI da chave não está em UTF-8 válido com codificação percentual
err-uri-repeated = o parâmetro "{ $name }" aparece duas vezes na URI da chave
err-uri-not-a-number = o parâmetro "{ $name }" da URI da chave não é um número
err-uri-secret = chave secreta da URI da chave: { $why }
err-uri-part = URI da chave: { $why }

## Importação de exportações de outros autenticadores: formatos, erros do arquivo, entradas, motivos para pular.
err-import-format-aegis = exportação JSON do Aegis
err-import-format-andotp = backup JSON do andOTP
err-import-format-bitwarden-json = exportação JSON do Bitwarden
err-import-format-bitwarden-csv = exportação CSV do Bitwarden
err-import-format-ente = exportação em texto simples do Ente Auth
err-import-format-freeotp = backup JSON do FreeOTP+
err-import-format-google = exportação do Google Authenticator (otpauth-migration://)
err-import-format-keepassxc = banco de dados KeePassXC (.kdbx)
err-import-format-keepassxc-csv = exportação CSV do KeePassXC
err-import-format-proton = exportação JSON do Proton Authenticator
err-import-format-qr-image = códigos QR de exportação do Google Authenticator (imagem)
err-import-format-twofas = backup do 2FAS (.2fas)
err-import-format-uri-list = lista de URIs da chave (otpauth://)
err-import-format-unknown = formato desconhecido "{ $format }" (conhecidos: { $known })
err-import-not-json = não é JSON válido: { $why }
err-import-format-not-detected = formato desconhecido: não é lista de URIs da chave, exportação do Google Authenticator (texto ou código QR em PNG), Aegis, andOTP, 2FAS, Bitwarden, FreeOTP+, Proton Authenticator, Ente Auth, banco de dados KeePassXC nem exportação CSV; informe o formato com --format
err-import-not-utf8 = linha { $line }: o arquivo não é texto UTF-8
err-import-place-line = linha { $n }
err-import-place-entry = entrada { $n }
err-import-place-code = código QR { $n }
err-import-digits-length = um código não pode ter { $digits } dígitos
err-import-kind-unsupported = códigos { $kind } não são suportados
err-import-aegis-db = o db do Aegis: { $why }
err-import-aegis-db-kind = o db da exportação do Aegis não é um objeto nem texto criptografado
err-import-aegis-no-params = a exportação do Aegis está criptografada, mas o cabeçalho não tem params
err-import-aegis-no-slot = a exportação do Aegis não tem slot de senha (exporte-a do Aegis com uma senha)
err-import-aegis-db-base64 = o db da exportação do Aegis não está em base64 (o arquivo foi cortado ou alterado)
err-import-aegis-password-prompt = Senha da exportação do Aegis ({ $file }):
err-import-aegis-damaged = o conteúdo da exportação do Aegis foi alterado ou danificado depois de criptografado
err-import-aegis-wrong-password = senha errada para a exportação do Aegis
err-import-aegis-bad-slot = o slot de senha da exportação do Aegis tem um valor inválido em { $what }
err-import-aegis-too-much-memory = a exportação do Aegis pede ao scrypt mais de 1 GiB de memória; exporte-a de novo no Aegis
err-import-bitwarden-encrypted = a exportação do Bitwarden está criptografada; exporte-a de novo como JSON ou CSV sem criptografia
err-import-csv-header = o cabeçalho do CSV não pode ser lido: { $why }
err-import-csv-no-column = o cabeçalho do CSV não tem a coluna "{ $column }"
err-import-csv-broken = linha { $line }: o CSV não pode ser lido (uma aspa não foi fechada, ou o arquivo foi cortado)
err-import-freeotp-byte = a chave secreta tem um número fora de -128..127
err-import-google-no-secret = a conta não tem chave secreta
err-import-google-md5 = códigos MD5 não são suportados
err-import-google-algorithm = número de algoritmo desconhecido { $n }
err-import-google-digits = número de quantidade de dígitos desconhecido { $n }
err-import-google-counter = o contador HOTP é negativo
err-import-google-kind = número de tipo de OTP desconhecido { $n }
err-import-google-part-outside = uma parte da exportação do Google Authenticator diz ser a parte { $part } de { $size }
err-import-google-parts-disagree = as partes da exportação do Google Authenticator não concordam sobre quantas partes existem
err-import-google-parts-missing = a exportação do Google Authenticator tem { $size } partes e { $count ->
        [one] falta a parte { $missing }
       *[other] faltam as partes { $missing }
    }; importe todos os códigos QR da exportação juntos
err-import-uri-not-uri = não é uma URI da chave (otpauth://...)
err-import-uri-kind = URIs da chave do tipo "{ $kind }" não são suportadas (totp, hotp, steam)
err-import-uri-label = o rótulo não é UTF-8 válido com codificação percentual
err-import-uri-parameter = um parâmetro não é UTF-8 válido com codificação percentual
err-import-uri-no-secret = a URI da chave não tem chave secreta
err-import-kdbx-password-prompt = Senha mestra de { $file }:
err-import-kdbx-unreadable = o banco de dados KeePassXC não pode ser lido
err-import-qr-none = nenhum código QR encontrado na imagem (recorte-a com mais folga, ou tire uma captura de tela mais nítida)
err-import-twofas-encrypted = o backup do 2FAS está criptografado; exporte-o de novo no 2FAS sem senha
err-import-skip-in-vault = já está no cofre com o id { $id }
err-import-skip-repeated = mesma conta e chave secreta do novo id { $id }
err-import-not-totp = não é uma entrada TOTP
err-import-json-eof = o arquivo termina cedo demais (foi cortado)
err-import-json-invalid = JSON inválido
err-import-json-place = linha { $line }, coluna { $column }
err-import-json-place-path = linha { $line }, coluna { $column } em { $path }
err-export-google-steam = o Google Authenticator não tem códigos Steam
err-export-google-digits = o Google Authenticator só tem 6 ou 8 dígitos
err-export-google-period = o Google Authenticator só tem período de 30 s
err-migration-not-export = não é uma exportação do Google Authenticator (otpauth-migration://offline?data=...)
err-migration-no-data = a exportação não tem o parâmetro "data"
err-migration-not-base64 = os dados da exportação não estão em base64 (o texto foi cortado ou alterado)
err-migration-bad-protobuf = os dados da exportação não são um conteúdo do Google Authenticator (protobuf inválido)

## O relógio e os servidores de hora (NTP).
err-ntp-verdict-fine = tudo certo: os códigos estão corretos
err-ntp-verdict-at-risk = códigos em risco: perto do fim de cada intervalo o serviço espera outro código
err-ntp-verdict-wrong = códigos errados: o serviço espera outro código
err-ntp-ahead-of = { $amount } adiantado em relação a
err-ntp-behind = { $amount } atrasado em relação a
err-ntp-too-short = a resposta tem { $bytes ->
        [one] 1 byte
       *[other] { $bytes } bytes
    }, menos que um pacote NTP (48)
err-ntp-not-server = a resposta não vem de um servidor (modo { $mode }, esperado 4)
err-ntp-version = a resposta usa a versão { $version } do NTP, que este cliente não fala
err-ntp-kiss = o servidor recusou com kiss-o'-death { $code }: { $meaning }
err-ntp-unsynchronized = o relógio do próprio servidor não está sincronizado (leap indicator 3)
err-ntp-stratum = o stratum do servidor é { $stratum }: ele não tem hora utilizável (16 significa não sincronizado)
err-ntp-zero-transmit = o carimbo de tempo de transmissão da resposta é zero
err-ntp-wrong-originate = a resposta não corresponde ao nosso pedido (o carimbo de tempo de origem é diferente)
err-ntp-kiss-rate = pedidos frequentes demais; espere antes de pedir de novo
err-ntp-kiss-deny = acesso negado; use outro servidor
err-ntp-kiss-init = o servidor ainda não se sincronizou; tente de novo mais tarde
err-ntp-kiss-step = o relógio do servidor está sendo ajustado; tente de novo mais tarde
err-ntp-kiss-other = o servidor não deu uma hora utilizável
err-ntp-cannot-find = não foi possível encontrar { $server }: { $why }
err-ntp-network = erro de rede: { $error }
err-ntp-no-answer = nenhuma resposta em { $secs } s
err-ntp-bad-port = "{ $port }" não é um número de porta
err-ntp-no-host = falta o nome do host
err-ntp-no-address = o nome não tem endereço
err-ntp-correction-too-large = uma diferença de { $offset } passa de uma hora: isso é fuso horário, data ou servidor errado, não desvio; acerte o relógio do sistema
err-ntp-correction-unreadable = { $why }; `credview time reset` o remove
err-ntp-correction-write = não foi possível gravar { $path }: { $error }
err-ntp-correction-not-json = não é uma correção de relógio ({ $why })
err-ntp-correction-stored-too-large = a diferença guardada, { $offset }, passa de uma hora

## Sessões SSH: o que o credview diz ao usuário em volta dos pedidos do próprio ssh.
err-session-ask-other-prompt = não é um pedido de senha nem de código
err-session-ask-no-password = nenhuma senha está guardada para esta credencial
err-session-ask-password-refused = a senha guardada já foi enviada uma vez e não foi aceita
err-session-ask-no-totp = nenhum TOTP está configurado para esta credencial
err-session-ask-code-refused = um código já foi enviado uma vez e não foi aceito
err-session-no-answer = o credview não tem resposta para esta sessão
err-session-cannot-answer = não foi possível passar a resposta ao ssh: { $error }
err-session-no-terminal = { $why }, e não há terminal onde perguntar: "{ $prompt }"
err-session-answer-yourself = { $why }; responda você mesmo.
err-session-waiting-for-code = o código tem menos de 3 s restantes; aguardando { $seconds } s pelo próximo
err-session-unix-only = sessões precisam de um sistema Unix
err-session-setup = não foi possível preparar a sessão ({ $what }: { $error })
err-session-setup-folder = pasta privada
err-session-setup-askpass = link do askpass
err-session-setup-token = token
err-session-setup-socket = socket
err-session-no-ssh = não foi possível executar o ssh: ele não está instalado ou não está no PATH (instale o cliente OpenSSH)
err-session-cannot-run-ssh = não foi possível executar o ssh: { $error }
err-session-lost-ssh = o credview perdeu o controle do ssh: { $error }
err-session-no-host-no-terminal = nenhum host está guardado para a credencial { $id }, e não há terminal onde perguntar
err-session-ask-host = nenhum host está guardado para a credencial { $id }; host ao qual conectar:
err-session-no-host-given = nenhum host foi informado; nada foi iniciado
err-session-press-enter = { $summary }. Pressione Enter para voltar.
err-session-no-host = nenhum host foi informado
err-session-bad-host = "{ $host }" não é um nome de host nem um endereço
err-session-missing-password = senha
err-session-missing-code = código TOTP
err-session-missing-host = host
err-session-ended = sessão com { $host } encerrada (saída { $code })
err-session-not-started = a sessão com { $host } não começou: { $why }
err-session-not-supplied = { $summary }; não fornecidos: { $missing }

## Cadastro, imagens de código QR, entrada da chave secreta TOTP.
err-enrol-too-long = a URI da chave é longa demais para um código QR
err-enrol-qr = não foi possível gerar o código QR: { $why }
err-enrol-png = não foi possível codificar o PNG: { $why }
err-enrol-steam-warning = uma chave Steam Guard: só aplicativos que conhecem códigos Steam (KeePassXC, Aegis, ...) mostram os códigos certos
err-enrol-digits = { $digits ->
        [one] 1 dígito
       *[other] { $digits } dígitos
    }
err-enrol-non-default-warning = { $differences }: alguns aplicativos autenticadores presumem SHA1, 6 dígitos, 30 s e vão mostrar códigos errados
err-qr-not-image = não é uma imagem PNG, JPEG nem GIF
err-qr-too-large = a imagem tem { $width }×{ $height } pixels, mais do que o credview lê ({ $max_pixels } pixels, { $max_side } por lado); recorte-a no código QR
err-qr-unreadable = a imagem não pode ser lida: { $why }
err-qr-no-code = nenhum código QR encontrado na imagem; recorte a captura de tela mais perto do código, ou tire-a mais nítida
err-qr-damaged = um código QR foi encontrado, mas não pode ser lido (danificado, borrado ou cortado)
err-intake-no-key-uri = o código QR não contém uma URI da chave otpauth:// (é o código para um aplicativo autenticador?)

## O registro de auditoria, modelos, a área de transferência, arquivos.
err-audit-no-location = não há onde gravar o registro de auditoria (nem $XDG_STATE_HOME nem $HOME estão definidos)
err-audit-write = não foi possível gravar o registro de auditoria { $path }: { $error }
err-audit-refused = o registro de auditoria recusou o registro: { $why }
err-audit-not-folder = { $path } ou uma pasta acima dele não é uma pasta
err-audit-short-write = só { $written } de { $total ->
        [one] 1 byte foi gravado
       *[other] { $total } bytes foram gravados
    }
err-template-unknown-tag = marcador desconhecido [#{ $name }#] (conhecidos: [#TOTP_TOKEN#], [#USERNAME#], [#HOSTNAME#], [#IP#], [#DOMAIN#], [#ADD_INFO#], [#CURRENT_PASSWORD#])
err-template-unclosed = "[#" não é fechado por "#]" na mesma linha
err-template-missing = o modelo precisa de um valor que não foi fornecido: { $what }
err-template-missing-token = token TOTP
err-template-missing-password = senha
err-template-validity = --min-validity { $min } s nunca pode ser atendido: o código dura { $period } s; use menos de { $period }
err-clipboard-system-name = a área de transferência do sistema
err-clipboard-terminal-name = a área de transferência do terminal (OSC 52)
err-clipboard-terminal = não foi possível escrever no terminal: { $error }
err-clipboard-system = a área de transferência do sistema falhou: { $error }
err-fs-exists = { $path } já existe; adicione --force para substituí-lo
