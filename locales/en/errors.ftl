# Errors: what went wrong and what to do. The `PATH:LINE:COLUMN:` before them is not here.
language-unknown = language { $text } is not one credview speaks ({ $names })
