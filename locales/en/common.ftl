# Words shared by the screens and the command line.
value-not-one-of = not one of { $names }
