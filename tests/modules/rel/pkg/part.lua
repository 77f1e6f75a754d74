name = 'rel/pkg/part'
