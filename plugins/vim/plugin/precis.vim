" precis.vim - summarize the buffer you are writing: the commands and the
" highlight groups. Everything else loads on first use (autoload/, lua/).

if exists('g:loaded_precis') || &compatible
  finish
endif
let g:loaded_precis = 1

command! -range=% -nargs=? -bar Summarize call precis#command(<line1>, <line2>, <q-args>)
command! -bar SummarizeSources call precis#sources()
command! -bar SummarizeClear call precis#clear()

function! s:highlights() abort
  highlight default link PrecisSentence Visual
  highlight default link PrecisPosition LineNr
  highlight default link PrecisHeader Title
  highlight default link PrecisReference Identifier
endfunction

call s:highlights()
augroup precis
  autocmd!
  autocmd ColorScheme * call s:highlights()
augroup END
