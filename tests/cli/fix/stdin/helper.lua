name = "helper next to the current directory"
