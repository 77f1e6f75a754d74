require '../c'
