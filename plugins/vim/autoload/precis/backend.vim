" precis/backend.vim - runs the summarizer: the native Lua module built for
" this editor's Lua when it loads and reports the right Lua, else the CLI
" with -f json. Both give the same normalized result (see precis#summarize).

let s:plugin_dir = fnamemodify(resolve(expand('<sfile>:p')), ':h:h:h')

function! s:has_lua() abort
  return has('nvim') || has('lua')
endfunction

" The pkg-config name of the editor's Lua: luajit, lua5.2, ...
function! precis#backend#lua_pkg() abort
  if !s:has_lua()
    return ''
  endif
  return luaeval('jit and "luajit" or ("lua" .. (_VERSION:match("%d+%.%d+") or ""))')
endfunction

" Where precis.so may be, most specific first.
function! precis#backend#module_candidates() abort
  let pkg = precis#backend#lua_pkg()
  let override = get(g:, 'precis_module_path', '')
  if !empty(override)
    " An explicit path is the only one tried: a file, or a directory holding
    " <pkg>/precis.so (a build's lua/ folder) or precis.so itself.
    let override = substitute(fnamemodify(expand(override), ':p'), '/$', '', '')
    return isdirectory(override)
          \ ? [override . '/' . pkg . '/precis.so', override . '/precis.so'] : [override]
  endif
  let paths = [s:plugin_dir . '/lua/precis_native/' . pkg . '/precis.so',
        \ fnamemodify(s:plugin_dir . '/../../build/lua/' . pkg . '/precis.so', ':p')]
  return paths
endfunction

" {ok, path, lua, version, reason, pkg} of the native module.
function! precis#backend#native() abort
  if !s:has_lua()
    return {'ok': 0, 'path': '', 'lua': '', 'version': '', 'pkg': '',
          \ 'reason': 'this Vim has no +lua'}
  endif
  let paths = precis#backend#module_candidates()
  try
    return luaeval('require("precis.native").load(_A)', paths)
  catch
    return {'ok': 0, 'path': '', 'lua': '', 'version': '', 'pkg': precis#backend#lua_pkg(),
          \ 'reason': v:exception}
  endtry
endfunction

" The CLI to run, or '' when none is found.
function! precis#backend#cli() abort
  let explicit = get(g:, 'precis_cli', '')
  if !empty(explicit)
    let explicit = exepath(expand(explicit))
    return explicit
  endif
  let local = fnamemodify(s:plugin_dir . '/../../build/precis', ':p')
  if executable(local)
    return local
  endif
  return exepath('precis')
endfunction

" 'lua' or 'cli' as g:precis_backend asks and what is available, else an
" error string starting with 'precis:'.
function! precis#backend#choose() abort
  let want = get(g:, 'precis_backend', 'auto')
  if want ==# 'lua' || want ==# 'auto'
    let native = precis#backend#native()
    if native.ok
      return 'lua'
    endif
    if want ==# 'lua'
      return 'precis: g:precis_backend is "lua" but the native module is unavailable: ' . native.reason
    endif
  endif
  if want ==# 'cli' || want ==# 'auto'
    if !empty(precis#backend#cli())
      return 'cli'
    endif
    return 'precis: no backend: build the plugin with `make` (native module or CLI), '
          \ . 'put `precis` on PATH or set g:precis_cli'
  endif
  return 'precis: g:precis_backend must be "auto", "lua" or "cli", not "' . want . '"'
endfunction

function! s:args(opts) abort
  if get(a:opts, 'ratio', 0) > 0
    let args = ['-r', printf('%g', a:opts.ratio)]
  elseif get(a:opts, 'words', 0) > 0
    let args = ['-w', string(a:opts.words)]
  else
    let args = ['-n', string(a:opts.sentences)]
  endif
  return args + ['--input=' . get(a:opts, 'format', 'auto')]
endfunction

function! s:cli_error(text) abort
  let first = get(filter(split(a:text, "\n"), 'v:val !~# "^\\s*$"'), 0, 'failed')
  let msg = substitute(first, '^precis: \%((stdin): \)\?', '', '')
  let code = msg =~# 'binary' ? 'binary' : msg =~# 'no sentences' ? 'empty' : 'error'
  return {'error': 'precis: ' . msg, 'code': code}
endfunction

function! s:span(d) abort
  return {'line': a:d.line, 'col': a:d.column, 'end_line': a:d.end_line, 'end_col': a:d.end_column}
endfunction

" The CLI's JSON in the plugin's shape (1-based index and paragraph).
function! s:from_json(d) abort
  let title = get(a:d, 'title', '')
  let out = {'title': title is v:null ? '' : title, 'total_sentences': get(a:d, 'total_sentences', 0),
        \ 'sentences': [], 'sources': []}
  for s in a:d.sentences
    call add(out.sentences, extend({'index': s.index + 1, 'paragraph': s.paragraph + 1,
          \ 'text': s.text, 'score': s.score, 'sources': copy(s.sources)}, s:span(s)))
  endfor
  for src in get(a:d, 'sources', [])
    call add(out.sources, {'id': src.id, 'name': src.name, 'kind': src.kind,
          \ 'urls': copy(src.urls), 'titles': map(copy(src.titles), 'v:val is v:null ? "" : v:val'),
          \ 'mentions': map(copy(src.mentions), 's:span(v:val)')})
  endfor
  return out
endfunction

function! precis#backend#run_cli(lines, opts) abort
  let cli = precis#backend#cli()
  let errfile = tempname()
  let cmd = '(' . join(map([cli, '-f', 'json'] + s:args(a:opts), 'shellescape(v:val)'))
        \ . ' 2>' . shellescape(errfile) . ')'
  " A POSIX shell whatever the user's 'shell' is; restored below.
  let saved = [&shell, &shellcmdflag, &shellredir, &shellquote, &shellxquote]
  if has('unix')
    set shell=/bin/sh shellcmdflag=-c shellredir=>%s\ 2>&1 shellquote= shellxquote=
  endif
  try
    let out = system(cmd, a:lines)
    let status = v:shell_error
  finally
    let [&shell, &shellcmdflag, &shellredir, &shellquote, &shellxquote] = saved
  endtry
  let err = filereadable(errfile) ? join(readfile(errfile), "\n") : ''
  call delete(errfile)
  if status != 0
    return s:cli_error(empty(err) ? out : err)
  endif
  try
    return s:from_json(json_decode(out))
  catch
    return {'error': 'precis: the CLI did not print JSON: ' . strpart(out . err, 0, 200),
          \ 'code': 'error'}
  endtry
endfunction

function! precis#backend#run_lua(lines, opts) abort
  let native = precis#backend#native()
  if !native.ok
    return {'error': 'precis: native module unavailable: ' . native.reason, 'code': 'backend'}
  endif
  let o = {'sentences': get(a:opts, 'sentences', 5), 'ratio': get(a:opts, 'ratio', 0) * 1.0,
        \ 'words': get(a:opts, 'words', 0), 'format': get(a:opts, 'format', 'auto')}
  return luaeval('require("precis.native").summarize(_A)', [a:lines, o])
endfunction
