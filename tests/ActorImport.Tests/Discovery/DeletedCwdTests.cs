using System.Text.Json;
using ActorImport.Discovery;
using ActorImport.Model;
using ActorImport.Tests.Conformance;

namespace ActorImport.Tests.Discovery;

/// <summary>
/// The <c>''</c> path entry when the current directory has been deleted: CPython's
/// <c>PathFinder._path_importer_cache('')</c> catches <c>FileNotFoundError</c> from
/// <c>os.getcwd()</c> and returns None — no hook runs, nothing is cached, the entry finds
/// nothing. Every way this engine looks an entry up (inline, on other threads, the lock-free
/// fast path) must agree with python3.
/// </summary>
public sealed class DeletedCwdTests
{
    private const string Script = """
        import os, sys, json, tempfile, importlib.machinery as m
        d = tempfile.mkdtemp(); os.chdir(d); os.rmdir(d)
        calls = []
        def hook(p):
            calls.append(p)
            raise ImportError('declined')
        sys.path_hooks.insert(0, hook)
        before = set(sys.path_importer_cache)
        finder = m.PathFinder._path_importer_cache('')
        spec = m.PathFinder.find_spec('anything', [''])
        added = [k for k in sys.path_importer_cache if k not in before]
        print(json.dumps({'finderIsNone': finder is None, 'specIsNone': spec is None,
                          'hookCalls': len(calls), 'cachedEntries': len(added)}))
        """;

    [PythonFact]
    public void EmptyEntryWithDeletedCwdHasNoFinderAsInCPython()
    {
        JsonElement py = PythonOracle.RunJson(Script, flags: "-I -S");

        foreach (bool threaded in new[] { false, true })
        {
            int hookCalls = 0;
            var state = new FinderState(currentDirectory: () => null);
            // A host hook (not IThreadSafe) that would accept anything: it must not even be called.
            state.PathHooks.SetAll([_ => { Interlocked.Increment(ref hookCalls); throw new ImportError("declined"); }]);
            var finder = new PathFinder(state);
            if (threaded)
            {
                finder.Asker = new ThreadPoolPathEntryAsker(state);
            }

            IPathEntryFinder? entryFinder = PathEntrySearch.FinderFor(state, "");
            ModuleSpec? spec = finder.FindSpec("anything", [""]);
            PathEntryAnswer? fast = PathEntrySearch.TryFindWithoutOwner(state, "", "anything");

            Assert.Equal(py.GetProperty("finderIsNone").GetBoolean(), entryFinder is null);
            Assert.Equal(py.GetProperty("specIsNone").GetBoolean(), spec is null);
            Assert.Equal(py.GetProperty("hookCalls").GetInt32(), hookCalls);
            Assert.Equal(py.GetProperty("cachedEntries").GetInt32(), state.PathImporterCache.Count);
            Assert.Null(fast!.Spec); // the fast path answers "nothing" too, without the owner
            Assert.Null(fast.Error);
        }
    }

    [Fact]
    public void EmptyEntryIsKeyedUnderTheCurrentDirectoryInOnePlace()
    {
        var present = new FinderState(currentDirectory: () => "/some/dir");
        var gone = new FinderState(currentDirectory: () => null);
        Assert.Equal("/some/dir", PathEntrySearch.ImporterCacheKey(present, ""));
        Assert.Equal("rel", PathEntrySearch.ImporterCacheKey(present, "rel"));
        Assert.Null(PathEntrySearch.ImporterCacheKey(gone, ""));
        Assert.Equal("/x", PathEntrySearch.ImporterCacheKey(gone, "/x"));
    }
}
