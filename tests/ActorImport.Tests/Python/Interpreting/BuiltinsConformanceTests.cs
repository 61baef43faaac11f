using ActorImport.Tests.Conformance;

namespace ActorImport.Tests.Python.Interpreting;

/// <summary>
/// The builtins bodies test at import time, on known values, and the loops that decide over
/// them, compared with python3 -I -S (each expression's value is bound and described on both sides).
/// </summary>
public class BuiltinsConformanceTests
{
    private static void Check(string body, params string[] names)
    {
        using FakeImportSystem fake = ImportOracle.Tree([("helper.py", "VALUE = 42\n__all__ = ['VALUE', 'OTHER']\nOTHER = 'o'\nclass Thing:\n    x = 1\n"), ("main.py", body)]);
        ImportOracle.AssertSame(fake, "main", names);
    }

    [PythonFact]
    public void AttributeBuiltins() => Check("""
        import helper
        A = hasattr(helper, 'VALUE'), hasattr(helper, 'NOPE'), hasattr(helper.Thing, 'x'), hasattr(helper.Thing, 'y')
        B = getattr(helper, 'VALUE'), getattr(helper, 'NOPE', 'dflt'), getattr(helper.Thing, 'x')
        setattr(helper, 'ADDED', 7)
        C = helper.ADDED
        try:
            getattr(helper, 'NOPE')
        except AttributeError as e:
            D = str(e)
        class K:
            pass
        setattr(K, 'z', 3)
        E = K.z
        """, "A", "B", "C", "D", "E");

    [PythonFact]
    public void TypeBuiltins() => Check("""
        import helper
        class Base: pass
        class Sub(Base): pass
        class MyError(ImportError): pass
        A = isinstance(1, int), isinstance(True, int), isinstance('s', (int, str)), isinstance(1.5, int), isinstance(None, object)
        B = issubclass(Sub, Base), issubclass(Base, Sub), issubclass(MyError, ImportError), issubclass(ModuleNotFoundError, ImportError), issubclass(bool, int)
        C = type(1), type('s'), type(helper), type(Sub), type(None)
        D = type(1) is int, type(helper).__name__ if False else 0
        E = isinstance(helper, type(helper)), isinstance(Sub(), Base)
        try:
            raise MyError('boom')
        except ImportError as err:
            F = isinstance(err, MyError), isinstance(err, ValueError)
        """, "A", "B", "C", "D", "E", "F");

    [PythonFact]
    public void ValueBuiltins() => Check("""
        import helper
        def f(): pass
        A = callable(f), callable(helper), callable(len), callable(int), callable(1), callable(helper.Thing)
        B = len('abc'), len([1, 2]), len({'a': 1}), len(()), len(range(5)), len(helper.__all__)
        C = bool(0), bool('x'), bool([]), bool(None), int('12'), int(3.9), int(True), int('ff', 16), str(12), str(None), str(1.5)
        D = sorted(vars(helper).keys() if False else ['b', 'a']), 'VALUE' in dir(helper), 'f' in dir()
        E = list(range(3)), tuple('ab'), sorted([3, 1, 2]), max([1, 5, 2]), min((4, 2)), any([0, 1]), all([1, 0]), list(enumerate('ab')), list(zip([1, 2], 'xy'))
        try:
            int('x1')
        except ValueError as e:
            F = str(e)
        G = repr('q'), abs(-3), chr(65), ord('A')
        """, "A", "B", "C", "D", "E", "F", "G");

    [PythonFact]
    public void GlobalsReadsAndTheAllLoop() => Check("""
        import helper
        for name in helper.__all__:
            globals()[name] = getattr(helper, name)
        A = globals()['VALUE'], 'OTHER' in globals(), globals().get('NOPE', 'none')
        B = vars()['OTHER']
        """, "VALUE", "OTHER", "A", "B");

    /// <summary>multiprocessing/__init__.py's pattern: the public names of an instance, bound into the module.</summary>
    [PythonFact]
    public void DirOfAnInstanceAndGlobalsUpdateFromPairs() => Check("""
        class Base:
            def start(self): pass
        class Context(Base):
            LIMIT = 3
            def __init__(self):
                self.ready = True
            def stop(self): pass
        _default = Context()
        __all__ = [x for x in dir(_default) if not x.startswith('_')]
        globals().update((name, getattr(_default, name)) for name in __all__)
        A = sorted(dir(Context)) == sorted(set(dir(Context))), 'ready' in dir(_default), 'ready' in dir(Context)
        """, "__all__", "LIMIT", "ready", "A");

    [PythonFact]
    public void LoopsWithBreakContinueAndElse() => Check("""
        A = []
        for i in range(10):
            if i % 2:
                continue
            if i > 6:
                break
            A.append(i)
        else:
            A.append('no break')
        B = []
        for i in (1, 2):
            B.append(i)
        else:
            B.append('else')
        n = 0
        while n < 5:
            n += 1
            if n == 3:
                continue
        else:
            C = n
        D = []
        for k, v in [('a', 1), ('b', 2)]:
            D.append(k * v)
        """, "A", "B", "C", "D");

    [PythonFact]
    public void OsFactsOfThisMachine() => Check("""
        import os, sys
        A = hasattr(os, 'fork'), hasattr(os, 'startfile'), hasattr(sys, 'getwindowsversion'), hasattr(os, 'scandir')
        if hasattr(os, 'fork'):
            B = 'fork'
        else:
            B = 'spawn'
        """, "A", "B");
}
