using System.Collections.Frozen;

namespace ActorImport.Discovery;

/// <summary>
/// One entry of CPython's frozen-module table (<c>Python/frozen.c</c>): whether it is a package
/// and its original name (<c>_imp.find_frozen(name)[2]</c>); an original name starting with
/// <c>&lt;</c> marks a package's <c>__init__</c> frozen under its own name; <c>null</c> means none.
/// </summary>
public sealed record FrozenModuleInfo(bool IsPackage, string? OriginalName);

/// <summary>
/// CPython 3.11's frozen modules (<c>_imp._frozen_module_names()</c>, with the aliases of
/// <c>Python/frozen.c</c>). Immutable; safe from any thread.
/// </summary>
public static class FrozenModuleTable
{
    public static readonly FrozenDictionary<string, FrozenModuleInfo> Python311 = new Dictionary<string, FrozenModuleInfo>(StringComparer.Ordinal)
    {
        // importlib's bootstrap, frozen under its C names.
        ["_frozen_importlib"] = new(false, "importlib._bootstrap"),
        ["_frozen_importlib_external"] = new(false, "importlib._bootstrap_external"),
        ["zipimport"] = new(false, "zipimport"),
        // the stdlib modules needed at start-up.
        ["abc"] = new(false, "abc"),
        ["codecs"] = new(false, "codecs"),
        ["io"] = new(false, "io"),
        ["_collections_abc"] = new(false, "_collections_abc"),
        ["_sitebuiltins"] = new(false, "_sitebuiltins"),
        ["genericpath"] = new(false, "genericpath"),
        ["ntpath"] = new(false, "ntpath"),
        ["posixpath"] = new(false, "posixpath"),
        ["os.path"] = new(false, "posixpath"),
        ["os"] = new(false, "os"),
        ["site"] = new(false, "site"),
        ["stat"] = new(false, "stat"),
        ["importlib.util"] = new(false, "importlib.util"),
        ["importlib.machinery"] = new(false, "importlib.machinery"),
        ["runpy"] = new(false, "runpy"),
        // the test modules.
        ["__hello__"] = new(false, "__hello__"),
        ["__hello_alias__"] = new(false, "__hello__"),
        ["__phello_alias__"] = new(true, "__hello__"),
        ["__phello_alias__.spam"] = new(false, "__hello__"),
        ["__phello__"] = new(true, "__phello__"),
        ["__phello__.__init__"] = new(false, "<__phello__"),
        ["__phello__.ham"] = new(true, "__phello__.ham"),
        ["__phello__.ham.__init__"] = new(false, "<__phello__.ham"),
        ["__phello__.ham.eggs"] = new(false, "__phello__.ham.eggs"),
        ["__phello__.spam"] = new(false, "__phello__.spam"),
        ["__hello_only__"] = new(false, null),
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
