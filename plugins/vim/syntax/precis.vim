" Syntax of the precis results window: positions, headers, source references.
if exists('b:current_syntax')
  finish
endif
syntax match PrecisPosition /^\d\+:\d\+\ze  /
syntax match PrecisHeader /^\%(Summary\|Sources\):.*$\|^# .*$/
syntax match PrecisReference /\[\d\+\%(, \d\+\)*\]/
let b:current_syntax = 'precis'
