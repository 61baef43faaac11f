using ActorImport.Configuration;
using ActorImport.Engine;
using ActorImport.Tests.Conformance;

namespace ActorImport.Tests.Engine;

/// <summary>
/// <c>warnings.warn</c> at import time: CPython shows a warning (and its display imports
/// <c>linecache</c>) when the first filter matching the category and the module of the frame
/// <c>stacklevel</c> up says so. For each module of the tree, whether <c>import M</c> from the
/// top level (<c>__main__</c>) imports <c>linecache</c> here is compared with
/// <c>python3 -I -S</c> run at test time.
/// </summary>
public sealed class WarningDisplayTests : EngineTestBase
{
    protected override CoordinationMode Mode => CoordinationMode.Actors;

    [PythonTheory]
    [InlineData("deprecated_here")] // DeprecationWarning, stacklevel=2: attributed to __main__, shown
    [InlineData("deprecated_via")] // the same module imported by another: attributed to it, ignored
    [InlineData("deprecated_own")] // DeprecationWarning, stacklevel=1: attributed to the module itself, ignored
    [InlineData("user_warning")] // UserWarning: default action, shown
    [InlineData("pending")] // PendingDeprecationWarning: ignored
    [InlineData("silenced")] // inside catch_warnings + simplefilter("ignore"): ignored
    [InlineData("after_silence")] // after the with block the default filters apply again: shown
    [InlineData("through_function")] // warnings._deprecated-style helper with stacklevel=3: shown
    public void ImportingAModuleThatWarnsImportsLinecacheExactlyWhenCPythonShowsTheWarning(string module)
    {
        Tree.Write("deprecated_here.py", "import warnings\nwarnings.warn('old', DeprecationWarning, stacklevel=2)\n")
            .Write("deprecated_via.py", "import deprecated_here\n")
            .Write("deprecated_own.py", "import warnings\nwarnings.warn('old', DeprecationWarning)\n")
            .Write("user_warning.py", "import warnings\nwarnings.warn('careful')\n")
            .Write("pending.py", "import warnings\nwarnings.warn('later', PendingDeprecationWarning, stacklevel=2)\n")
            .Write("silenced.py", "import warnings\nwith warnings.catch_warnings():\n    warnings.simplefilter('ignore')\n    warnings.warn('careful')\n")
            .Write("after_silence.py", "import warnings\nwith warnings.catch_warnings():\n    warnings.simplefilter('ignore')\nwarnings.warn('careful')\n")
            .Write("through_function.py", "import warnings\ndef deprecated(name):\n    warnings.warn(f'{name} is old', DeprecationWarning, stacklevel=3)\ndeprecated(__name__)\n");
        string cpython = PythonOracle.RunScript(
            $"import sys; sys.path.insert(0, {PythonRepr(Tree.Root)}); import {module}; print('linecache' in sys.modules)", flags: "-I -S").Trim();
        string[] path = PythonOracle.RunJson("import sys, json\nprint(json.dumps(sys.path))", flags: "-I -S").EnumerateArray().Select(e => e.GetString()!).ToArray();
        using var engine = NewEngine(o => o with { StdlibDirectory = PythonOracle.Stdlib }, path);
        engine.ImportName(module);
        Assert.Equal(cpython == "True", engine.Modules.Keys.Contains("linecache"));
    }

    private static string PythonRepr(string s) => "'" + s.Replace("\\", "\\\\").Replace("'", "\\'") + "'";
}
