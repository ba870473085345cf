" precis/ui.vim - shows a summary: highlights in the source buffer (extmarks
" or text properties), the quickfix or location list, and a results window
" (Neovim float, Vim popup, or a split) where <CR> jumps to the sentence.

let s:win = {}

function! s:opt(name, default) abort
  return get(g:, 'precis_' . a:name, a:default)
endfunction

" ---- highlights -------------------------------------------------------------

function! s:ns() abort
  return nvim_create_namespace('precis')
endfunction

function! s:prop_type() abort
  if empty(prop_type_get('precis_sentence'))
    call prop_type_add('precis_sentence', {'highlight': 'PrecisSentence', 'priority': 10,
          \ 'combine': 1})
  endif
  return 'precis_sentence'
endfunction

function! precis#ui#clear_highlight(bufnr) abort
  if !bufloaded(a:bufnr)
    return
  endif
  if has('nvim')
    call nvim_buf_clear_namespace(a:bufnr, s:ns(), 0, -1)
  elseif exists('*prop_remove')
    call prop_remove({'type': s:prop_type(), 'bufnr': a:bufnr, 'all': 1})
  endif
endfunction

function! precis#ui#highlight(bufnr, sentences) abort
  call precis#ui#clear_highlight(a:bufnr)
  if !s:opt('highlight', 1)
    return
  endif
  for s in a:sentences
    let last = get(getbufline(a:bufnr, s.end_line), 0, '')
    let end_col = min([s.end_col, len(last)])
    if has('nvim')
      call nvim_buf_set_extmark(a:bufnr, s:ns(), s.line - 1, s.col - 1,
            \ {'end_row': s.end_line - 1, 'end_col': end_col, 'hl_group': 'PrecisSentence'})
    elseif exists('*prop_add')
      call prop_add(s.line, s.col, {'bufnr': a:bufnr, 'end_lnum': s.end_line,
            \ 'end_col': end_col + 1, 'type': s:prop_type()})
    endif
  endfor
endfunction

" ---- quickfix / location list ----------------------------------------------

function! s:list_kind() abort
  let kind = s:opt('list', 'quickfix')
  return kind =~# '^loc' ? 'location' : kind ==# 'none' ? 'none' : 'quickfix'
endfunction

function! s:set_list(bufnr, items, title) abort
  let what = {'title': a:title, 'items': a:items}
  if s:list_kind() ==# 'location'
    let wins = win_findbuf(a:bufnr)
    call setloclist(empty(wins) ? 0 : wins[0], [], ' ', what)
  elseif s:list_kind() ==# 'quickfix'
    call setqflist([], ' ', what)
  endif
endfunction

function! precis#ui#fill_list(bufnr, r) abort
  let items = map(copy(a:r.sentences), {_, s -> {'bufnr': a:bufnr, 'lnum': s.line,
        \ 'col': s.col, 'end_lnum': s.end_line, 'end_col': s.end_col + 1, 'text': s.text,
        \ 'valid': 1}})
  call s:set_list(a:bufnr, items, 'precis: ' . fnamemodify(bufname(a:bufnr), ':t'))
endfunction

function! precis#ui#clear_list(bufnr) abort
  if s:list_kind() ==# 'location'
    let wins = win_findbuf(a:bufnr)
    if !empty(wins) && get(getloclist(wins[0], {'title': 1}), 'title', '') =~# '^precis:'
      call setloclist(wins[0], [], 'r', {'title': 'precis: cleared', 'items': []})
    endif
  elseif get(getqflist({'title': 1}), 'title', '') =~# '^precis:'
    call setqflist([], 'r', {'title': 'precis: cleared', 'items': []})
  endif
endfunction

" ---- window contents --------------------------------------------------------

function! s:pos(span) abort
  return a:span.line . ':' . a:span.col
endfunction

function! s:refs(ids) abort
  return empty(a:ids) ? '' : '  [' . join(a:ids, ', ') . ']'
endfunction

" [lines, targets]: targets maps a window line to the buffer [line, col].
function! precis#ui#summary_lines(r) abort
  let lines = [printf('Summary: %d of %d sentences (%s)', len(a:r.sentences),
        \ a:r.total_sentences, a:r.backend)]
  if !empty(a:r.title)
    call add(lines, '# ' . a:r.title)
  endif
  call add(lines, '')
  let targets = {}
  for s in a:r.sentences
    call add(lines, s:pos(s) . '  ' . s.text . s:refs(s.sources))
    let targets[len(lines)] = [s.line, s.col]
  endfor
  let cited = {}
  for s in a:r.sentences
    for id in s.sources
      let cited[id] = 1
    endfor
  endfor
  let first = 1
  for src in a:r.sources
    if has_key(cited, src.id)
      if first
        call extend(lines, ['', 'Sources (:SummarizeSources for all):'])
        let first = 0
      endif
      call add(lines, printf('[%d] %s%s', src.id, src.name,
            \ empty(src.urls) ? '' : '  ' . src.urls[0]))
      if !empty(src.mentions)
        let targets[len(lines)] = [src.mentions[0].line, src.mentions[0].col]
      endif
    endif
  endfor
  return [lines, targets]
endfunction

function! precis#ui#source_lines(r) abort
  if empty(a:r.sources)
    return [['Sources: none found'], {}]
  endif
  let lines = [printf('Sources: %d', len(a:r.sources)), '']
  let targets = {}
  for src in a:r.sources
    let first = len(lines) + 1
    call add(lines, printf('[%d] %s (%s)', src.id, src.name, src.kind))
    for i in range(len(src.urls))
      let title = get(src.titles, i, '')
      call add(lines, '    ' . src.urls[i] . (empty(title) ? '' : '  "' . title . '"'))
    endfor
    if !empty(src.mentions)
      call add(lines, '    at ' . join(map(copy(src.mentions), 's:pos(v:val)'), ', '))
      for l in range(first, len(lines))
        let targets[l] = [src.mentions[0].line, src.mentions[0].col]
      endfor
    endif
  endfor
  return [lines, targets]
endfunction

function! precis#ui#show_summary(bufnr, r) abort
  let [lines, targets] = precis#ui#summary_lines(a:r)
  call s:open(a:bufnr, lines, targets, 'precis summary')
endfunction

function! precis#ui#show_sources(bufnr, r) abort
  let [lines, targets] = precis#ui#source_lines(a:r)
  call s:open(a:bufnr, lines, targets, 'precis sources')
endfunction

" ---- the window -------------------------------------------------------------

function! s:window_kind() abort
  let kind = s:opt('window', 'auto')
  if kind ==# 'auto' || kind ==# 'float' || kind ==# 'popup'
    if has('nvim') && exists('*nvim_open_win')
      return 'float'
    elseif exists('*popup_create')
      return 'popup'
    endif
  endif
  return 'split'
endfunction

" {id, kind, bufnr} of the open results window, or {}.
function! precis#ui#window() abort
  if empty(s:win)
    return {}
  endif
  let alive = s:win.kind ==# 'popup' ? !empty(popup_getpos(s:win.id))
        \ : win_id2win(s:win.id) > 0 || (has('nvim') && nvim_win_is_valid(s:win.id))
  if !alive
    let s:win = {}
    return {}
  endif
  return extend(copy(s:win), {'bufnr': winbufnr(s:win.id)})
endfunction

function! precis#ui#close() abort
  let w = precis#ui#window()
  let s:win = {}
  if empty(w)
    return
  endif
  if w.kind ==# 'popup'
    call popup_close(w.id)
  elseif has('nvim')
    call nvim_win_close(w.id, v:true)
  else
    execute win_id2win(w.id) . 'close'
  endif
endfunction

function! s:setup_buffer(bufnr, source, targets) abort
  call setbufvar(a:bufnr, 'precis_results', 1)
  call setbufvar(a:bufnr, 'precis_source', a:source)
  call setbufvar(a:bufnr, 'precis_targets', a:targets)
  call setbufvar(a:bufnr, '&bufhidden', 'wipe')
  call setbufvar(a:bufnr, '&buftype', 'nofile')
  call setbufvar(a:bufnr, '&swapfile', 0)
  call setbufvar(a:bufnr, '&modifiable', 0)
endfunction

function! s:map_keys() abort
  nnoremap <buffer> <silent> <CR> :call precis#ui#jump()<CR>
  nnoremap <buffer> <silent> q :call precis#ui#close()<CR>
  if s:win.kind ==# 'float'
    nnoremap <buffer> <silent> <Esc> :call precis#ui#close()<CR>
  endif
endfunction

function! s:first_target(targets) abort
  let keys = sort(map(keys(a:targets), 'str2nr(v:val)'), 'n')
  return empty(keys) ? 1 : keys[0]
endfunction

function! s:open(source, lines, targets, title) abort
  call precis#ui#close()
  let kind = s:window_kind()
  let width = min([&columns - 6, s:opt('max_width', 100),
        \ max(map(copy(a:lines), 'strdisplaywidth(v:val)')) + 2])
  let width = max([width, 20])
  let height = 0
  for l in a:lines
    let height += max([1, (strdisplaywidth(l) + width - 1) / width])
  endfor
  let height = max([1, min([height, &lines - 6, s:opt('max_height', 30)])])
  if kind ==# 'float'
    let buf = nvim_create_buf(v:false, v:true)
    call nvim_buf_set_lines(buf, 0, -1, v:true, a:lines)
    let id = nvim_open_win(buf, v:true, {'relative': 'editor', 'width': width,
          \ 'height': height, 'row': max([0, (&lines - height) / 2 - 1]),
          \ 'col': max([0, (&columns - width) / 2]), 'style': 'minimal',
          \ 'border': s:opt('border', 'rounded')})
    call setwinvar(id, '&wrap', 1)
    call setwinvar(id, '&linebreak', 1)
    call setwinvar(id, '&cursorline', 1)
  elseif kind ==# 'popup'
    let id = popup_create(a:lines, {'title': ' ' . a:title . ' ', 'border': [],
          \ 'padding': [0, 1, 0, 1], 'minwidth': width, 'maxwidth': width,
          \ 'maxheight': height, 'wrap': 1, 'cursorline': 1, 'mapping': 0,
          \ 'scrollbar': 1, 'filter': function('s:popup_filter'),
          \ 'callback': function('s:popup_closed')})
    let buf = winbufnr(id)
  else
    execute 'botright' min([height, s:opt('split_height', 12)]) 'new'
    let id = win_getid()
    let buf = bufnr('%')
    call setline(1, a:lines)
    setlocal wrap linebreak cursorline nonumber norelativenumber
  endif
  let s:win = {'id': id, 'kind': kind}
  call s:setup_buffer(buf, a:source, a:targets)
  call setbufvar(buf, '&filetype', 'precis')
  if kind !=# 'popup'
    call s:map_keys()
  endif
  call win_execute(id, 'call cursor(' . s:first_target(a:targets) . ', 1)')
endfunction

function! s:popup_filter(id, key) abort
  let moves = {'j': 'j', "\<Down>": 'j', 'k': 'k', "\<Up>": 'k', 'G': 'G',
        \ "\<C-d>": "\<C-d>", "\<C-u>": "\<C-u>", 'g': 'gg'}
  if a:key ==# "\<CR>"
    call precis#ui#jump(a:id)
  elseif a:key ==# 'q' || a:key ==# "\<Esc>"
    call popup_close(a:id)
  elseif has_key(moves, a:key)
    call win_execute(a:id, 'normal! ' . moves[a:key])
  else
    return 0
  endif
  return 1
endfunction

function! s:popup_closed(id, result) abort
  if get(s:win, 'id', -1) == a:id
    let s:win = {}
  endif
endfunction

" <CR> in the results window: go to the sentence (or source) on that line.
function! precis#ui#jump(...) abort
  let id = a:0 ? a:1 : win_getid()
  let buf = winbufnr(id)
  let target = get(getbufvar(buf, 'precis_targets', {}), line('.', id), [])
  if empty(target)
    return
  endif
  let source = getbufvar(buf, 'precis_source')
  let kind = get(s:win, 'kind', 'split')
  if kind !=# 'split' || s:opt('close_on_jump', 0)
    call precis#ui#close()
  endif
  let win = bufwinid(source)
  if win == -1
    wincmd p
    execute 'buffer' source
  else
    call win_gotoid(win)
  endif
  call cursor(target[0], target[1])
  normal! zv
endfunction
