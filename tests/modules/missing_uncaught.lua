require './nope'
