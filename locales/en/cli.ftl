# Command output, prompts and messages. The `error: ` and `warning: ` before a message, and a
# `PATH:LINE:COLUMN:` after them, stay as they are in every language: scripts look for them.

## clap's usage errors
cli-usage-value-missing = a value is required for { $arg } but none was supplied
cli-usage-value-invalid = invalid value { $value } for { $arg }
cli-usage-value-unexpected = unexpected value { $value } for { $arg } found; no more were expected
cli-usage-unknown-argument = unexpected argument { $arg } found
cli-usage-unknown-command = unrecognized subcommand { $name }
cli-usage-missing-arguments = the following required arguments were not provided:
cli-usage-missing-command = { $name } requires a subcommand but one was not provided
cli-usage-conflict = the argument { $arg } cannot be used with { $other }
cli-usage-repeated = the argument { $arg } cannot be used multiple times
cli-usage-equals-needed = equal sign is needed when assigning values to { $arg }
cli-usage-tip = tip
cli-usage-similar = a similar one exists: { $names }
cli-usage-more = For more information, try { $help }.
