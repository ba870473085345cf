" precis.vim - the plugin's entry points: precis#summarize() for scripts and
" the :Summarize, :SummarizeSources and :SummarizeClear commands.

function! s:opt(name, default) abort
  return get(g:, 'precis_' . a:name, a:default)
endfunction

function! precis#warn(msg) abort
  echohl WarningMsg
  echomsg a:msg
  echohl None
endfunction

function! s:format(bufnr) abort
  let fmt = s:opt('format', 'auto')
  if fmt ==# 'auto' && getbufvar(a:bufnr, '&filetype') =~# 'markdown'
    return 'markdown'
  endif
  return fmt
endfunction

" Summarizes lines line1..line2 (default: all) of buffer bufnr. opts:
" sentences, ratio, words, line1, line2, format, backend ('lua'/'cli').
" Returns {title, total_sentences, backend, sentences: [{index, text, line,
" col, end_line, end_col, paragraph, score, sources}], sources: [{id, name,
" kind, urls, titles, mentions: [{line, col, end_line, end_col}]}]} with
" buffer line numbers and 1-based byte columns; or {error, code} when the
" text cannot be summarized (code 'empty', 'binary', 'backend', 'error').
function! precis#summarize(bufnr, ...) abort
  let opts = a:0 ? copy(a:1) : {}
  let bufnr = a:bufnr is 0 ? bufnr('%') : bufnr(a:bufnr)
  if bufnr < 0 || !bufloaded(bufnr)
    return {'error': 'precis: no loaded buffer ' . string(a:bufnr), 'code': 'error'}
  endif
  let line1 = max([1, get(opts, 'line1', 1)])
  let total = len(getbufline(bufnr, 1, '$'))
  let line2 = get(opts, 'line2', 0)
  let line2 = line2 <= 0 || line2 > total ? total : line2
  let lines = getbufline(bufnr, line1, line2)
  let what = line1 == 1 && line2 == total ? 'the buffer' : 'the range'
  if empty(filter(copy(lines), 'v:val =~# "\\S"'))
    return {'error': 'precis: ' . what . ' is empty, nothing to summarize', 'code': 'empty'}
  endif
  if !has_key(opts, 'sentences') && !has_key(opts, 'ratio') && !has_key(opts, 'words')
    if s:opt('ratio', 0) > 0
      let opts.ratio = s:opt('ratio', 0)
    else
      let opts.sentences = s:opt('sentences', 5)
    endif
  endif
  let opts.format = get(opts, 'format', s:format(bufnr))
  let backend = get(opts, 'backend', '')
  if empty(backend)
    let backend = precis#backend#choose()
    if backend =~# '^precis:'
      return {'error': backend, 'code': 'backend'}
    endif
  endif
  let r = backend ==# 'lua' ? precis#backend#run_lua(lines, opts)
        \ : precis#backend#run_cli(lines, opts)
  if has_key(r, 'error')
    if r.code ==# 'binary'
      let r.error = 'precis: ' . what . ' looks binary, not text: nothing to summarize ('
            \ . substitute(r.error, '^precis: ', '', '') . ')'
    elseif r.code ==# 'empty'
      let r.error = 'precis: no sentences found in ' . what
    endif
    return r
  endif
  return s:settle(r, line1 - 1, backend, bufnr)
endfunction

function! s:list(v) abort
  return type(a:v) == v:t_list ? a:v : []
endfunction

function! s:shift(span, by) abort
  let a:span.line += a:by
  let a:span.end_line += a:by
  return a:span
endfunction

" Same types from every backend; lines moved to buffer lines.
function! s:settle(r, by, backend, bufnr) abort
  let r = a:r
  let r.backend = a:backend
  let r.bufnr = a:bufnr
  let r.sentences = s:list(r.sentences)
  let r.sources = s:list(r.sources)
  for s in r.sentences
    let s.sources = s:list(s.sources)
    let s.score = s.score * 1.0
    call s:shift(s, a:by)
  endfor
  for src in r.sources
    let src.urls = s:list(src.urls)
    let src.titles = s:list(src.titles)
    let src.mentions = map(s:list(src.mentions), 's:shift(v:val, a:by)')
  endfor
  return r
endfunction

" :[range]Summarize [N|R]  (N sentences, or a ratio R like 0.2)
function! precis#command(line1, line2, arg) abort
  let opts = {'line1': a:line1, 'line2': a:line2}
  let arg = trim(a:arg)
  if arg =~# '^\d\+$' && str2nr(arg) > 0
    let opts.sentences = str2nr(arg)
  elseif arg =~# '^\%(0\?\.\d\+\|1\%(\.0*\)\?\)$'
    let opts.ratio = str2float(arg)
  elseif !empty(arg)
    call precis#warn('precis: :Summarize takes a sentence count or a ratio like 0.2, not "' . arg . '"')
    return
  endif
  let bufnr = bufnr('%')
  if !empty(getbufvar(bufnr, 'precis_results'))
    " From the results window: the whole source buffer, not this window's lines.
    let bufnr = getbufvar(bufnr, 'precis_source', bufnr)
    let [opts.line1, opts.line2] = [1, 0]
  endif
  let r = precis#summarize(bufnr, opts)
  if has_key(r, 'error')
    call precis#warn(r.error)
    return
  endif
  call setbufvar(bufnr, 'precis_result', r)
  call precis#ui#highlight(bufnr, r.sentences)
  call precis#ui#fill_list(bufnr, r)
  call precis#ui#show_summary(bufnr, r)
endfunction

function! s:source_buffer() abort
  let bufnr = bufnr('%')
  if !empty(getbufvar(bufnr, 'precis_results'))
    return getbufvar(bufnr, 'precis_source', bufnr)
  endif
  return bufnr
endfunction

" :SummarizeSources: the sources the last summary (or the whole buffer) cites.
function! precis#sources() abort
  let bufnr = s:source_buffer()
  let r = getbufvar(bufnr, 'precis_result', {})
  if empty(r)
    let r = precis#summarize(bufnr)
    if has_key(r, 'error')
      call precis#warn(r.error)
      return
    endif
  endif
  call precis#ui#show_sources(bufnr, r)
endfunction

" :SummarizeClear: highlights, list and window go.
function! precis#clear() abort
  let bufnr = s:source_buffer()
  call precis#ui#close()
  call precis#ui#clear_highlight(bufnr)
  call precis#ui#clear_list(bufnr)
  call setbufvar(bufnr, 'precis_result', {})
endfunction
