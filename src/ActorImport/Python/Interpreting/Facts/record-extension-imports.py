# Records what the C initialisers of CPython's built-in and extension modules import, for the
# engine's extension loader (Facts/ExtensionImportTable.cs): for every module in
# sys.builtin_module_names and lib-dynload, run in a fresh `python3 -I -S`, the imports its
# init makes itself (builtins.__import__ calls made directly by the C code, i.e. one level
# below the `import M` that loads it: PyImport_ImportModule goes through builtins.__import__),
# in call order as [name, fromlist, level], and the submodules it puts into sys.modules itself
# (pyexpat.errors), in sys.modules order. Modules that import nothing are left out.
# Run with python3 -I -S; prints the JSON {"module": {"imports": [...], "registers": [...]}}.
import sys, os, json, subprocess

PROBE = r'''
import sys, builtins, json
name = sys.argv[1]
original = builtins.__import__
depth = 0
direct = []
def hook(n, globals=None, locals=None, fromlist=(), level=0):
    global depth
    if depth == 1:
        direct.append([n, list(fromlist or ()), level])
    depth += 1
    try:
        return original(n, globals, locals, fromlist, level)
    finally:
        depth -= 1
before = set(sys.modules)
builtins.__import__ = hook
try:
    __import__(name)
finally:
    builtins.__import__ = original
registers = [m for m in sys.modules if m not in before and m.startswith(name + '.')]
print(json.dumps({'imports': direct, 'registers': registers}))
'''

names = set(sys.builtin_module_names)
dynload = os.path.join(os.path.dirname(os.__file__), 'lib-dynload')
for f in os.listdir(dynload):
    if f.endswith('.so'):
        names.add(f.split('.')[0])
names = sorted(n for n in names if not n.startswith(('_test', 'xx', '_xx')) and n not in ('_ctypes_test', 'sys', 'builtins'))
facts = {}
for n in names:
    r = subprocess.run([sys.executable, '-I', '-S', '-c', PROBE, n], capture_output=True, text=True, timeout=120)
    if r.returncode != 0:
        continue
    found = json.loads(r.stdout.strip().splitlines()[-1])
    if found['imports'] or found['registers']:
        facts[n] = found
print(json.dumps(facts, indent=1, sort_keys=True))
