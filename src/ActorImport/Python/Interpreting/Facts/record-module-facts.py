# Records what ModuleAttributeTable knows about CPython's built-in and extension modules:
#   <target>.txt   `module: names` (dir(module)) and `module.Class: names` (dir(Class) minus
#                  dir(object)), for every module in sys.builtin_module_names and lib-dynload,
#                  and the frozen _frozen_importlib and _frozen_importlib_external;
#   <target>.json  {"module": {"name": value}} for the attributes whose values are constants
#                  (None, bool, int, float, str, and tuples/lists/frozensets of int/str; a tuple
#                  is {"tuple": [...]}, a frozenset {"frozenset": [...]}).
# The values of `sys` are left out (they describe the host: the interpreter's KnownModuleFacts covers them),
# and so are the memory addresses _ctypes publishes (*_addr), which change from run to run.
# Run with python3 -I -S; it prints the text first, a line `---`, then the JSON.
import sys, os, importlib, json

# The frozen importlib is there before any import runs (importlib/__init__.py reads it).
names = set(sys.builtin_module_names) | {'_frozen_importlib', '_frozen_importlib_external'}
dynload = os.path.join(os.path.dirname(os.__file__), 'lib-dynload')
for f in os.listdir(dynload):
    if f.endswith('.so'):
        names.add(f.split('.')[0])
names = sorted(n for n in names if not n.startswith(('_test', 'xx', '_xx')) and n != '_ctypes_test')
object_names = set(dir(object))

def constant(v):
    if v is None or isinstance(v, (bool, int, float, str)):
        return v if not isinstance(v, float) or v == v and abs(v) != float('inf') else None
    if isinstance(v, (tuple, list, frozenset)) and all(isinstance(x, (int, str)) and not isinstance(x, bool) for x in v):
        items = sorted(v, key=repr) if isinstance(v, frozenset) else list(v)
        return {tuple: {'tuple': items}, frozenset: {'frozenset': items}}.get(type(v), items)
    raise TypeError

lines = ['# Recorded by record-module-facts.py from CPython %s on %s.' % (sys.version.split()[0], sys.platform)]
constants = {}
for n in names:
    try:
        m = importlib.import_module(n)
    except Exception:
        continue
    lines.append(n + ': ' + ' '.join(sorted(dir(m))))
    for a in sorted(dir(m)):
        v = getattr(m, a)
        if isinstance(v, type) and not a.startswith('__'):
            lines.append('%s.%s: %s' % (n, a, ' '.join(sorted(set(dir(v)) - object_names))))
        elif n != 'sys' and type(v) in (type(None), bool, int, float, str, tuple, list, frozenset) and not a.startswith('__') and not a.endswith('_addr'):
            try:
                c = constant(v)
                if c is not None or v is None:
                    constants.setdefault(n, {})[a] = c
            except TypeError:
                pass
# _warnings.filters, CPython's process-wide filter list as the C initialiser built it (what
# warnings.warn decides with): tuples (action, message, category name, module, lineno), message
# and module None or a plain str (no -W options under -I -S, so no compiled patterns).
import _warnings
constants.setdefault('_warnings', {})['filters'] = [
    {'tuple': [a, m, c.__name__, mod, ln]} for (a, m, c, mod, ln) in _warnings.filters
    if (m is None or isinstance(m, str)) and (mod is None or isinstance(mod, str))]
print('\n'.join(lines))
print('---')
print(json.dumps(constants, indent=0, sort_keys=True))
