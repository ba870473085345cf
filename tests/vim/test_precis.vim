" test_precis.vim - headless tests of the precis plugin, for Neovim and Vim.
" Run by tests/vim/run.sh with these environment variables:
"   PRECIS_PLUGIN  plugins/vim            PRECIS_BUILD   the build folder
"   PRECIS_SHARED  ../shared (may be absent: seed tests are skipped)
"   PRECIS_TEST_BACKEND  lua or cli       PRECIS_TEST_OUT  results file
"   PRECIS_TEST_DUMP     canonical precis#summarize() output, compared across runs
"   PRECIS_TEST_DISCOVER 1: let the plugin find build/ itself
"   PRECIS_TEST_ONLY     run one test;  PRECIS_EXPECT_MODULE  module path expected
" Each Test_* function fills v:errors; a thrown 'SKIP: why' skips it.

let s:plugin = $PRECIS_PLUGIN
let s:build = $PRECIS_BUILD
let s:backend = $PRECIS_TEST_BACKEND
let s:sample = fnamemodify(s:plugin . '/../../samples/harbour-bridge.md', ':p')
let s:seeds = $PRECIS_SHARED . '/seeds'

execute 'set runtimepath^=' . fnameescape(s:plugin)
execute 'set packpath=' . fnameescape(s:plugin)
filetype plugin on
syntax on
set hidden nomore shortmess+=F
runtime plugin/precis.vim

function! s:configure() abort
  for name in ['sentences', 'ratio', 'window', 'list', 'highlight', 'format']
    silent! execute 'unlet g:precis_' . name
  endfor
  let g:precis_backend = s:backend
  if $PRECIS_TEST_DISCOVER !=# '1'
    let g:precis_cli = s:build . '/precis'
    let g:precis_module_path = s:build . '/lua'
  endif
endfunction

" ---- helpers -----------------------------------------------------------------

function! s:seed(prefix) abort
  let found = glob(s:seeds . '/' . a:prefix . '_*.txt', 0, 1)
  if empty(found)
    throw 'SKIP: no seed ' . a:prefix . ' in ' . s:seeds . ' (../shared absent)'
  endif
  return found[0]
endfunction

function! s:open(path) abort
  execute 'edit' fnameescape(a:path)
  return bufnr('%')
endfunction

" What the CLI says about the file itself, read without the plugin.
function! s:expected(path, n) abort
  let out = system(shellescape(s:build . '/precis') . ' -f json -n ' . a:n . ' '
        \ . shellescape(a:path) . ' 2>/dev/null')
  call assert_equal(0, v:shell_error, 'the CLI failed on ' . a:path)
  return json_decode(out).sentences
endfunction

function! s:collapse(s) abort
  return substitute(trim(a:s), '\s\+', ' ', 'g')
endfunction

" The buffer text from (line, col) to (end_line, end_col) inclusive.
function! s:span_text(bufnr, s) abort
  let lines = getbufline(a:bufnr, a:s.line, a:s.end_line)
  let lines[-1] = strpart(lines[-1], 0, a:s.end_col)
  let lines[0] = strpart(lines[0], a:s.col - 1)
  return join(lines, ' ')
endfunction

function! s:highlights(bufnr) abort
  let found = []
  if has('nvim')
    for [id, row, col, details] in nvim_buf_get_extmarks(a:bufnr,
          \ nvim_create_namespace('precis'), 0, -1, {'details': v:true})
      call add(found, [row + 1, col + 1, details.end_row + 1, details.end_col, details.hl_group])
    endfor
  else
    for lnum in range(1, line('$'))
      for p in prop_list(lnum, {'bufnr': a:bufnr})
        if p.type ==# 'precis_sentence' && p.start
          " a property over several lines ends on the line where p.end is set
          let end = lnum
          while !get(filter(prop_list(end, {'bufnr': a:bufnr}),
                \ 'v:val.type ==# "precis_sentence"'), 0, {'end': 1}).end
            let end += 1
          endwhile
          let last = filter(prop_list(end, {'bufnr': a:bufnr}), 'v:val.type ==# "precis_sentence"')[0]
          call add(found, [lnum, p.col, end, last.col + last.length - 1,
                \ prop_type_get(p.type).highlight])
        endif
      endfor
    endfor
  endif
  return found
endfunction

function! s:window_lines() abort
  let w = precis#ui#window()
  return empty(w) ? [] : getbufline(w.bufnr, 1, '$')
endfunction

" Presses <CR> on line lnum of the results window the way a user would.
function! s:press_enter(lnum) abort
  let w = precis#ui#window()
  if w.kind ==# 'popup'
    call win_execute(w.id, 'call cursor(' . a:lnum . ', 1)')
    call call(popup_getoptions(w.id).filter, [w.id, "\<CR>"])
  else
    call win_gotoid(w.id)
    call cursor(a:lnum, 1)
    execute "normal \<CR>"
  endif
endfunction

function! s:messages() abort
  return execute('messages')
endfunction

" Everything :Summarize N must leave behind for buffer bufnr of file path.
function! s:check_summary(bufnr, path, n) abort
  let want = s:expected(a:path, a:n)
  let r = getbufvar(a:bufnr, 'precis_result', {})
  call assert_equal(s:backend, get(r, 'backend', ''), 'backend used')
  call assert_equal(a:n, len(get(r, 'sentences', [])), 'sentence count')
  call assert_equal(map(copy(want), '[v:val.line, v:val.column, v:val.end_line, v:val.end_column, v:val.text]'),
        \ map(copy(get(r, 'sentences', [])), '[v:val.line, v:val.col, v:val.end_line, v:val.end_col, v:val.text]'),
        \ 'positions and text as the CLI gives them for the file')

  " quickfix: one entry per sentence at its line and column, text there
  let qf = getqflist()
  call assert_equal(len(want), len(qf), 'quickfix entries')
  call assert_match('^precis:', getqflist({'title': 1}).title)
  for i in range(min([len(qf), len(want)]))
    let [e, s] = [qf[i], want[i]]
    call assert_equal([a:bufnr, s.line, s.column], [e.bufnr, e.lnum, e.col], 'quickfix entry ' . i)
    let here = strpart(getbufline(a:bufnr, e.lnum)[0], e.col - 1)
    let first = matchstr(s.text, '^\S\+')
    call assert_equal(first, strpart(here, 0, len(first)), 'sentence ' . i . ' starts at its entry')
    let span = s:span_text(a:bufnr, {'line': s.line, 'col': s.column, 'end_line': s.end_line,
          \ 'end_col': s.end_column})
    call assert_equal(s.text[-1:], span[-1:], 'sentence ' . i . ' ends at its end column')
    call assert_equal(len(split(s.text)), len(split(span)), 'sentence ' . i . ' word count in the buffer')
  endfor

  " highlights exactly over the sentences, nowhere else
  call assert_equal(map(copy(want), '[v:val.line, v:val.column, v:val.end_line, v:val.end_column, "PrecisSentence"]'),
        \ s:highlights(a:bufnr), 'highlights')

  " the results window shows every sentence with its position
  let w = precis#ui#window()
  call assert_equal(has('nvim') ? 'float' : 'popup', get(w, 'kind', ''), 'window kind')
  if has('nvim') && !empty(w)
    call assert_equal('editor', nvim_win_get_config(w.id).relative, 'a floating window')
  elseif !empty(w)
    call assert_equal(1, popup_getpos(w.id).visible, 'a visible popup')
  endif
  let shown = join(s:window_lines(), "\n")
  for s in want
    call assert_match('\V' . s.line . ':' . s.column . '  ' . escape(s.text, '\'), shown)
  endfor

  " :cnext walks the sentences
  let win = bufwinid(a:bufnr)
  call win_gotoid(win)
  silent cfirst
  call assert_equal([a:bufnr, want[0].line, want[0].column], [bufnr('%'), line('.'), col('.')], ':cfirst')
  silent cnext
  call assert_equal([want[1].line, want[1].column], [line('.'), col('.')], ':cnext')
  return r
endfunction

" ---- tests -------------------------------------------------------------------

function! Test_backend_is_the_one_asked_for() abort
  call assert_equal(s:backend, precis#backend#choose())
  if s:backend ==# 'lua'
    let native = precis#backend#native()
    let pkg = has('nvim') ? 'luajit' : 'lua' . matchstr(luaeval('_VERSION'), '\d\+\.\d\+')
    call assert_equal(pkg, native.pkg)
    call assert_true(native.ok, native.reason)
    call assert_match('/' . pkg . '/precis\.so$', native.path)
    call assert_equal(has('nvim') ? luaeval('jit.version') : luaeval('_VERSION'), native.lua)
    if !empty($PRECIS_EXPECT_MODULE)
      call assert_equal(resolve($PRECIS_EXPECT_MODULE), resolve(native.path))
    endif
  else
    call assert_true(executable(precis#backend#cli()), precis#backend#cli())
  endif
endfunction

function! Test_sample_markdown() abort
  let buf = s:open(s:sample)
  call assert_equal('markdown', &filetype)
  Summarize 3
  call s:check_summary(buf, s:sample, 3)
endfunction

function! Test_seed_004() abort
  let path = s:seed('004')
  let buf = s:open(path)
  Summarize 3
  call s:check_summary(buf, path, 3)
endfunction

function! Test_seed_003_sentences_over_several_lines() abort
  let path = s:seed('003')
  let buf = s:open(path)
  Summarize 3
  let r = s:check_summary(buf, path, 3)
  call assert_true(len(filter(copy(r.sentences), 'v:val.end_line > v:val.line')) > 0,
        \ 'seed 003 has a wrapped sentence')
endfunction

function! Test_text_buffer() abort
  let lines = readfile(s:sample)
  enew
  call setline(1, lines)
  setlocal filetype=text
  let buf = bufnr('%')
  Summarize 2
  let r = getbufvar(buf, 'precis_result')
  call assert_equal(2, len(r.sentences))
  call assert_equal(len(r.sentences), len(s:highlights(buf)))
endfunction

function! Test_enter_jumps_to_the_sentence() abort
  let buf = s:open(s:sample)
  Summarize 3
  let r = getbufvar(buf, 'precis_result')
  call assert_true(r.sentences[0].col > 1, 'a sentence starting inside its line')
  let lines = s:window_lines()
  let row = match(lines, '^\V' . r.sentences[0].line . ':' . r.sentences[0].col . '  ') + 1
  call assert_true(row > 0, 'first sentence shown')
  call s:press_enter(row)
  call assert_equal([buf, r.sentences[0].line, r.sentences[0].col], [bufnr('%'), line('.'), col('.')])
  call assert_equal({}, precis#ui#window(), 'the float/popup closes on a jump')
endfunction

function! Test_split_window() abort
  let g:precis_window = 'split'
  let buf = s:open(s:sample)
  Summarize 2
  let w = precis#ui#window()
  call assert_equal('split', get(w, 'kind', ''))
  call assert_equal(w.id, win_getid(), 'focus in the split')
  let r = getbufvar(buf, 'precis_result')
  let row = match(s:window_lines(), '^\V' . r.sentences[1].line . ':') + 1
  call s:press_enter(row)
  call assert_equal([buf, r.sentences[1].line, r.sentences[1].col], [bufnr('%'), line('.'), col('.')])
  call assert_equal('split', get(precis#ui#window(), 'kind', ''), 'the split stays')
endfunction

function! Test_range() abort
  let buf = s:open(s:sample)
  5,20Summarize 2
  let r = getbufvar(buf, 'precis_result')
  call assert_equal(2, len(r.sentences))
  let tmp = tempname()
  call writefile(getbufline(buf, 5, 20), tmp)
  let want = s:expected(tmp, 2)
  call assert_equal(map(want, '[v:val.line + 4, v:val.column, v:val.text]'),
        \ map(copy(r.sentences), '[v:val.line, v:val.col, v:val.text]'))
  call assert_equal(map(copy(r.sentences), 'v:val.line'), map(getqflist(), 'v:val.lnum'))
  call delete(tmp)
endfunction

function! Test_count_from_options() abort
  let buf = s:open(s:sample)
  let g:precis_sentences = 2
  Summarize
  call assert_equal(2, len(getbufvar(buf, 'precis_result').sentences))
  unlet g:precis_sentences
  let g:precis_ratio = 0.5
  Summarize
  call assert_equal(6, len(getbufvar(buf, 'precis_result').sentences), '12 sentences at ratio 0.5')
  unlet g:precis_ratio
  Summarize 0.25
  call assert_equal(3, len(getbufvar(buf, 'precis_result').sentences), '12 sentences at ratio 0.25')
  messages clear
  Summarize lots
  call assert_match('precis: :Summarize takes a sentence count', s:messages())
endfunction

function! Test_empty_buffer_message() abort
  enew
  messages clear
  let caught = ''
  try
    Summarize 3
  catch
    let caught = v:exception
  endtry
  call assert_equal('', caught, 'no error')
  call assert_match('precis: the buffer is empty, nothing to summarize', s:messages())
  call assert_equal({}, precis#ui#window())
  call setline(1, ['', '   ', "\t"])
  call assert_equal('empty', precis#summarize(bufnr('%'), {'sentences': 3}).code)
  call setline(1, ['```', '```'])
  let r = precis#summarize(bufnr('%'), {'sentences': 3})
  call assert_equal('empty', get(r, 'code', ''), string(r))
  call assert_match('^precis: no sentences found in the buffer', get(r, 'error', ''))
endfunction

function! Test_binary_buffer_message() abort
  " a file Vim read from disk: the CLI executable itself
  execute 'edit' fnameescape(s:build . '/precis')
  messages clear
  let caught = ''
  try
    Summarize 3
  catch
    let caught = v:exception
  endtry
  call assert_equal('', caught, 'no error')
  call assert_match('precis: the buffer looks binary, not text', s:messages())
  call assert_equal({}, precis#ui#window())
  " NULs and control bytes typed into a buffer (a NUL is "\n" in a line)
  enew
  call setline(1, map(range(40), '"\x01\x02\n\n\x03\x04\x05\x7f\x06 abc " . v:val'))
  let r = precis#summarize(bufnr('%'), {'sentences': 3})
  call assert_equal('binary', get(r, 'code', ''), string(r))
endfunction

function! Test_sources() abort
  let buf = s:open(s:sample)
  SummarizeSources
  let shown = join(s:window_lines(), "\n")
  call assert_match('\[1\] riverside.gov.example (link)', shown)
  call assert_match('https://www.riverside.gov.example/papers/harbour-crossing-2025', shown)
  call assert_match('https://porthavengazette.example/news/ferry-reduced-service', shown)
  call assert_match('Porthaven Gazette (outlet)', shown)
  let r = precis#summarize(buf)
  let gazette = filter(copy(r.sources), 'v:val.name ==# "Porthaven Gazette"')[0]
  let row = match(s:window_lines(), '^\[\d\+\] Porthaven Gazette') + 1
  call s:press_enter(row)
  call assert_equal([buf, gazette.mentions[0].line, gazette.mentions[0].col],
        \ [bufnr('%'), line('.'), col('.')])
  call assert_equal('Porthaven Gazette', strpart(getline('.'), col('.') - 1, len('Porthaven Gazette')))
endfunction

function! Test_clear() abort
  let buf = s:open(s:sample)
  Summarize 3
  call assert_equal(3, len(s:highlights(buf)))
  call win_gotoid(bufwinid(buf))
  SummarizeClear
  call assert_equal([], s:highlights(buf))
  call assert_equal({}, precis#ui#window())
  call assert_equal([], getqflist())
  call assert_equal({}, getbufvar(buf, 'precis_result'))
endfunction

function! Test_location_list() abort
  let g:precis_list = 'location'
  let buf = s:open(s:sample)
  call setqflist([], ' ', {'title': 'untouched'})
  Summarize 3
  call assert_equal(3, len(getloclist(bufwinid(buf))))
  call assert_equal('untouched', getqflist({'title': 1}).title)
endfunction

" The same sentences and lines from every backend: a canonical dump the
" runner compares across editors, and lua == cli within this editor.
function! Test_api_same_in_every_backend() abort
  let paths = [s:sample]
  let seed = glob(s:seeds . '/004_*.txt', 0, 1)
  let paths += seed
  let dump = []
  for path in paths
    let buf = s:open(path)
    let r = precis#summarize(buf, {'sentences': 3})
    call assert_equal(s:backend, r.backend)
    call add(dump, fnamemodify(path, ':t') . ' ' . r.title)
    for s in r.sentences
      call add(dump, printf('%d %d:%d-%d:%d %s %.6f %s', s.index, s.line, s.col, s.end_line,
            \ s.end_col, string(s.sources), s.score, s.text))
    endfor
    for src in r.sources
      call add(dump, printf('[%d] %s %s %s %s %s', src.id, src.name, src.kind, string(src.urls),
            \ string(src.titles), string(map(copy(src.mentions), '[v:val.line, v:val.col, v:val.end_line, v:val.end_col]'))))
    endfor
    let other = s:backend ==# 'lua' ? 'cli' : 'lua'
    if precis#backend#native().ok && !empty(precis#backend#cli())
      let o = precis#summarize(buf, {'sentences': 3, 'backend': other})
      call assert_equal(other, o.backend)
      call remove(o, 'backend')
      call remove(r, 'backend')
      call assert_equal(r, o, 'lua and cli agree on ' . fnamemodify(path, ':t'))
    endif
  endfor
  call assert_equal(3, len(filter(copy(dump), 'v:val =~# "^\\d "')) / len(paths))
  if !empty($PRECIS_TEST_DUMP)
    call writefile(dump, $PRECIS_TEST_DUMP)
  endif
endfunction

function! Test_neovim_setup_and_health() abort
  if !has('nvim')
    throw 'SKIP: Neovim only'
  endif
  lua require('precis').setup({ sentences = 2, window = 'split', highlight = false })
  call assert_equal([2, 'split', 0], [g:precis_sentences, g:precis_window, g:precis_highlight])
  let buf = s:open(s:sample)
  Summarize
  call assert_equal(2, len(getbufvar(buf, 'precis_result').sentences))
  call assert_equal([], s:highlights(buf), 'highlight = false')
  call assert_equal(2, luaeval('#require("precis").summarize(_A, {sentences = 2}).sentences', buf))
  checkhealth precis
  let report = join(getline(1, '$'), "\n")
  call assert_match('OK: ' . s:backend . ' (g:precis_backend = ' . s:backend . ')', report)
  call assert_notmatch('ERROR', report)
  if s:backend ==# 'lua'
    call assert_match('OK: loaded .*/luajit/precis\.so', report)
  endif
  tabclose
endfunction

function! Test_help_tags_current_and_help_opens() abort
  let dir = tempname()
  call mkdir(dir, 'p')
  call writefile(readfile(s:plugin . '/doc/precis.txt'), dir . '/precis.txt')
  execute 'helptags' fnameescape(dir)
  call assert_equal(readfile(dir . '/tags'), readfile(s:plugin . '/doc/tags'),
        \ 'doc/tags matches doc/precis.txt (regenerate with :helptags)')
  call assert_true(len(readfile(dir . '/tags')) >= 20, 'tags generated')
  help :Summarize
  call assert_equal('precis.txt', expand('%:t'))
  call assert_match('\*:Summarize\*', getline('.'))
  help precis#summarize()
  call assert_match('\*precis#summarize()\*', getline('.'))
  helpclose
  call delete(dir, 'rf')
endfunction

" ---- driver ------------------------------------------------------------------

function! s:cleanup() abort
  call precis#ui#close()
  silent! tabonly!
  silent! only!
  enew!
  silent! %bwipeout!
  call setqflist([], 'f')
  call s:configure()
endfunction

function! s:run() abort
  let names = map(filter(split(execute('function /^Test_'), "\n"), 'v:val =~# "^function Test_"'),
        \ 'matchstr(v:val, "Test_\\w\\+")')
  if !empty($PRECIS_TEST_ONLY)
    call filter(names, 'v:val ==# $PRECIS_TEST_ONLY')
  endif
  let out = []
  for name in sort(names)
    call s:cleanup()
    let v:errors = []
    let skipped = ''
    try
      call call(name, [])
    catch /^SKIP: /
      let skipped = v:exception[6:]
    catch
      call add(v:errors, 'exception: ' . v:exception . ' at ' . v:throwpoint)
    endtry
    if !empty(skipped)
      call add(out, 'skip ' . name . ': ' . skipped)
    elseif empty(v:errors)
      call add(out, 'ok ' . name)
    else
      call add(out, 'FAIL ' . name)
      call extend(out, map(copy(v:errors), '"    " . substitute(v:val, "\n", " ", "g")'))
    endif
  endfor
  call writefile(out, $PRECIS_TEST_OUT)
endfunction

call s:configure()
call s:run()
if filereadable($PRECIS_TEST_OUT) && empty(filter(readfile($PRECIS_TEST_OUT), 'v:val =~# "^FAIL"'))
  qall!
endif
cquit!
