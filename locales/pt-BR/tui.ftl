# As telas: Credenciais > Todas, Detalhes com a barra Token OTP, os formulários, a ajuda, o
# código QR, a linha de status e o rodapé. As teclas (Enter, Esc, c, /) ficam como são.

## A tela inteira

tui-too-small = Terminal pequeno demais: { $width }×{ $height }. Esta tela precisa de { $need_width }×{ $need_height }.
tui-too-small-details = Esc fecha os Detalhes.

## Credenciais > Todas: a barra de título, a tabela e suas mensagens

tui-list-place = Credenciais > Todas
tui-list-reading = lendo…
tui-list-searching = buscando…
tui-list-demo-vault = cofre de demonstração
# Em pt, 0 também cai em "one"; o caso [0] vem antes.
tui-list-count =
    { $total ->
        [0] nenhuma credencial
        [one] 1 credencial
       *[other] { $total } credenciais
    }
tui-list-count-filtered =
    { $shown } de { $total } { $total ->
        [0] credenciais
        [one] credencial
       *[other] credenciais
    }
tui-list-no-match = Nenhuma credencial corresponde a "{ $query }". Esc limpa o filtro.
tui-list-empty = O cofre não tem credenciais.
tui-column-id = ID
tui-column-type = Tipo
tui-column-username = Usuário
tui-column-additional = Adicional
tui-column-domain = Domínio
tui-column-tags = Tags
tui-column-last-view = Visualizada em
tui-column-totp = TOTP
tui-device-none = (sem dispositivo)

## O relógio: a correção na barra de título, o aviso de uma verificação na linha de status

tui-clock-corrected-by = relógio corrigido em { $seconds }
tui-clock-corrected-short = relógio { $seconds }
# $corrected: yes quando há correção em vigor; $position: ahead ou behind;
# $codes: at-risk ou wrong.
tui-clock-warning =
    ⚠ { $corrected ->
        [yes] relógio corrigido
       *[no] relógio
    } { $seconds } { $position ->
        [ahead] adiantado
       *[behind] atrasado
    } ({ $server }): { $codes ->
        [wrong] códigos errados
       *[at-risk] códigos em risco no fim de cada período
    }; execute credview time sync
# O mesmo sem o servidor, para um terminal estreito demais para o todo.
tui-clock-warning-short =
    ⚠ { $corrected ->
        [yes] relógio corrigido
       *[no] relógio
    } { $seconds } { $position ->
        [ahead] adiantado
       *[behind] atrasado
    }: { $codes ->
        [wrong] códigos errados
       *[at-risk] códigos em risco
    }; execute credview time sync

## A linha de status e o rodapé

tui-prompt-reason-session = Motivo desta sessão:
tui-prompt-reason-password = Motivo deste acesso à senha:
tui-filter-label = filtro:
tui-filter-hint = / edita, Esc limpa
tui-footer-move = mover
tui-footer-details = detalhes
tui-footer-filter = filtrar
tui-footer-help = ajuda
tui-footer-quit = sair
tui-footer-copy-token = copiar
tui-footer-refresh = atualizar
tui-footer-password = senha
tui-footer-qr = QR
tui-footer-close = fechar
tui-footer-next-code = próximo código
tui-footer-open = abrir
tui-footer-clear = limpar
tui-footer-close-help = fechar a ajuda
tui-footer-save = salvar
tui-footer-next-field = próximo campo
tui-footer-cancel = cancelar
tui-footer-confirm = confirmar
tui-footer-remove = remover
tui-footer-keep = manter

## Ajuda: o que cada tecla faz (no máximo 28 colunas, para caber em 80×24)

tui-help-title = Ajuda · Esc fecha
tui-help-list = Credenciais > Todas
tui-help-filter = Ao digitar um filtro
tui-help-details = Detalhes
tui-help-anywhere = Em qualquer tela
tui-help-mouse-click = clique
tui-help-mouse-click-does = seleciona; outro abre
tui-help-mouse-wheel = rolagem
tui-help-mouse-wheel-does = move de três em três
tui-help-filter-enter = mantê-lo, abrir Detalhes
tui-help-filter-esc = limpá-lo
tui-help-filter-backspace = apagar um caractere
tui-help-filter-ctrl-u-w = apagar linha / palavra
tui-key-previous = credencial anterior
tui-key-next = próxima credencial
tui-key-page-up = uma tela acima
tui-key-page-down = uma tela abaixo
tui-key-first = primeira credencial
tui-key-last = última credencial
tui-key-open = abrir Detalhes
tui-key-filter = filtrar (id, usuário, host…)
tui-key-clear-filter = limpar o filtro
tui-key-add = adicionar uma credencial
tui-key-session-list = iniciar uma sessão SSH
tui-key-refresh = novo token, se já disponível
tui-key-copy = copiar o token
tui-key-show-password = mostrar a senha por 30 s
tui-key-copy-password = copiar a senha
tui-key-qr = código QR para autenticador
tui-key-set-totp = definir a chave secreta TOTP
tui-key-remove-totp = remover a chave secreta TOTP
tui-key-next-code = próximo código HOTP (salvo)
tui-key-session-details = sessão SSH, código fornecido
tui-key-close = fechar código QR ou Detalhes
tui-key-help = esta ajuda
tui-key-suspend = suspender (fg retoma)
tui-key-quit = sair

## Detalhes

tui-details-title = Detalhes
tui-details-general = Geral
tui-details-device = Dispositivo
tui-details-access = Acesso
tui-details-notes = Observações
tui-details-username = Usuário
tui-details-type = Tipo
tui-details-domain = Domínio
tui-details-password = Senha
tui-details-additional = Adicional
tui-details-tags = Tags
tui-details-expiration = Expira em
tui-details-created = Criada em
tui-details-last-view = Visualizada em
tui-details-hostname = Host
tui-details-ip = IP
tui-details-ip-port = { $ip }  porta { $port }
tui-details-vendor = Fabricante
tui-details-site = Site
tui-details-view-password = Ver senha
tui-details-start-session = Iniciar sessão
tui-details-needs-reason = Exige motivo
tui-details-yes = sim
tui-details-no = não
tui-details-password-none = (nenhuma salva)
tui-details-password-hidden = oculta: sem permissão

## A barra Token OTP

tui-token-title = Token OTP
tui-token-next = próximo
tui-token-expired = O período deste código acabou: pressione r para o novo token.
tui-token-short-secret = Chave curta: { $bits } bits (recomenda-se 128 ou mais); os códigos funcionam.
tui-token-steam = Steam Guard · 5 caracteres · período de { $period } s
tui-token-params = { $algorithm } · { $digits } dígitos · período de { $period } s
tui-token-no-totp = Nenhum TOTP configurado para esta credencial.
tui-token-no-totp-set = Pressione t para definir a chave secreta TOTP desta credencial.
tui-token-no-totp-read-only = O cofre de demonstração é somente leitura; `credview init` cria o seu.
tui-token-no-permission = Você não tem permissão para ver este token.
tui-token-no-permission-why = Seu acesso não permite ver a senha nem iniciar uma sessão.
tui-token-hotp-counter = HOTP · contador { $counter }
tui-token-hotp-saving = Salvando o contador; o código vem em seguida.
tui-token-hotp-shown = Código do contador { $counter }, usado uma vez: c copia, n dá o próximo.
tui-token-hotp-press-n = Pressione n para o próximo código; o contador é salvo no cofre antes.

## Os formulários: definir ou remover uma chave secreta TOTP, adicionar uma credencial

tui-form-set-totp = Definir chave secreta TOTP
tui-form-add = Adicionar credencial
tui-form-remove-totp = Remover chave secreta TOTP
tui-form-remove-explained = A chave secreta é apagada do cofre; seus códigos param aqui.
tui-form-remove-question = Remover? y / n
tui-form-username = Usuário
tui-form-hostname = Host
tui-form-secret = Chave secreta
tui-form-algorithm = Algoritmo
tui-form-digits = Dígitos
tui-form-period = Período
tui-form-from-uri = da URI da chave
tui-form-characters =
    { $count ->
        [one] 1 caractere
       *[other] { $count } caracteres
    }
tui-form-secret-uri =
    URI da chave otpauth://, { $count ->
        [one] 1 caractere
       *[other] { $count } caracteres
    }
tui-form-saving = salvando…
tui-form-ready = pronto para salvar
tui-form-short-secret = chave curta: { $bits } bits (recomenda-se 128 ou mais)
tui-form-problem-period = o período não é um número inteiro de segundos
tui-form-problem-secret-empty = a chave secreta está vazia
tui-form-problem-username-empty = o usuário está vazio
tui-form-replace-question = já existe chave secreta TOTP: Enter de novo a substitui
tui-form-key-save = Enter salva
tui-form-key-next = Tab avança
tui-form-key-change = ←→ muda
tui-form-key-paste = cole chave ou URI
tui-form-key-cancel = Esc cancela
tui-form-key-remove = y ou Enter remove
tui-form-key-keep = n ou Esc mantém

## O código QR

tui-qr-title = Escaneie para cadastrar { $label } · fecha em { $seconds } s · Esc
tui-qr-failed = Sem código QR: { $error }.
tui-qr-too-small = O código QR precisa de um terminal de { $need_width }×{ $need_height }; este tem { $width }×{ $height }. Aumente-o ou execute `credview qr { $id }`. Esc fecha.

## Frases de status

tui-status-new-token = novo token
tui-status-token-still-valid = ainda não há novo token: este vale por mais { $seconds } s
tui-status-hotp-no-refresh = códigos HOTP não expiram: n dá o próximo (o contador é salvo antes)
tui-status-no-totp = nenhum TOTP configurado para esta credencial
tui-status-token-not-permitted = você não tem permissão para ver este token
tui-status-n-is-for-hotp = n é para códigos HOTP; este código TOTP se renova sozinho
tui-status-counter-saving = o contador está sendo salvo; o código vem em seguida
tui-status-no-hotp-code-yet = nenhum código HOTP exibido ainda: n dá o próximo
tui-status-session-not-permitted = seu acesso não permite iniciar uma sessão com esta credencial
tui-status-password-not-permitted = seu acesso não permite ver esta senha
tui-status-no-password = nenhuma senha salva para esta credencial
tui-status-reason-cancelled = cancelado: nenhum motivo informado
tui-status-reason-required = o motivo é obrigatório: digite-o, ou Esc para cancelar
tui-status-audit-refused = recusado: o registro de auditoria não pôde ser gravado ({ $reason })
tui-status-no-code = sem código: { $reason }
tui-status-next-code = próximo código: contador HOTP { $counter }, salvo como usado (c o copia)
# $what: token ou password; $target: system ou osc52.
tui-status-copied =
    { $what ->
        [token] token copiado
       *[password] senha copiada
    } ({ $target ->
        [system] área de transferência do sistema
       *[osc52] área de transferência do terminal, OSC 52
    }); limpa em { $seconds } s
tui-status-copied-kept =
    { $what ->
        [token] token copiado
       *[password] senha copiada
    } ({ $target ->
        [system] área de transferência do sistema
       *[osc52] área de transferência do terminal, OSC 52
    }); não será limpa
tui-status-expires-soon = Expira em { $seconds } s!
tui-status-copy-failed = não foi possível copiar: { $reason }
tui-status-demo-read-only = o cofre de demonstração não pode ser alterado: crie o seu com `credview init`
tui-status-form-cancelled = cancelado: nada foi gravado
tui-status-saved-totp-set = salvo: a chave secreta TOTP foi definida
tui-status-saved-totp-removed = salvo: a chave secreta TOTP foi removida
tui-status-saved-added = salvo: a credencial foi adicionada
tui-status-saved-but = { $saved }, mas { $warning }

## Salvar a partir das telas (o caminho de escrita do cofre e o registro de auditoria)

tui-save-read-only = este cofre não pode ser gravado daqui
tui-save-no-counters = credencial { $id }: este cofre não pode ser gravado, então seu contador HOTP não pode avançar
tui-save-credential-name = credencial { $id } ({ $name })
tui-save-advance-not-audited = o contador { $counter } foi salvo como usado, mas o registro de auditoria não pôde ser gravado ({ $reason }); por isso seu código não é exibido
tui-save-audit-not-written = seu registro de auditoria não foi gravado: { $reason }
tui-save-credential-gone = a credencial { $id } não está mais no cofre
tui-save-hotp-and-totp = a credencial { $id } tem uma chave HOTP, e uma credencial tem "totp" ou "hotp", não ambos; nada foi alterado
tui-loader-cannot-start = não foi possível começar a leitura: { $reason }
tui-loader-stopped = a leitura parou

## O servidor de hora no arquivo de configurações ou em --ntp

# $why: no-closing-bracket, text-after-bracket, host ou port.
tui-settings-not-a-time-server =
    { $text } não é um servidor de hora ({ $why ->
        [no-closing-bracket] falta o ] de fechamento
        [text-after-bracket] texto depois do ]
        [host] host vazio ou com espaço
       *[port] a porta não está entre 1 e 65535
    }); escreva host ou host:porta
