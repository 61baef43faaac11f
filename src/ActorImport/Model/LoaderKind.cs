namespace ActorImport.Model;

/// <summary>
/// The loaders the import system treats specially when it describes a module: the built-in and
/// frozen importers (whose <c>_ORIGIN</c> is <c>built-in</c> / <c>frozen</c>) and the namespace
/// loader (whose modules print as <c>(namespace)</c> from Python 3.12 on).
/// </summary>
public enum LoaderKind
{
    /// <summary>Any other loader: it appears through its own repr (<see cref="object.ToString"/>).</summary>
    Other = 0,

    /// <summary><c>BuiltinImporter</c>; <c>_ORIGIN = 'built-in'</c>.</summary>
    BuiltIn,

    /// <summary><c>FrozenImporter</c>; <c>_ORIGIN = 'frozen'</c>.</summary>
    Frozen,

    /// <summary><c>NamespaceLoader</c>.</summary>
    Namespace,
}

/// <summary>
/// A loader that says which <see cref="LoaderKind"/> it is. Loaders without it are
/// <see cref="LoaderKind.Other"/>. Loaders also override <see cref="object.ToString"/> with
/// CPython's repr (<c>&lt;class '_frozen_importlib.BuiltinImporter'&gt;</c>,
/// <c>&lt;_frozen_importlib_external.SourceFileLoader object at 0x…&gt;</c>), which
/// <see cref="ModuleSpec.Repr"/> and module reprs print. <see cref="Kind"/> must be constant.
/// </summary>
public interface ILoaderKind
{
    LoaderKind Kind { get; }
}

/// <summary>Helpers over <see cref="LoaderKind"/>. Pure; safe from any thread.</summary>
public static class LoaderKinds
{
    /// <summary>The kind of <paramref name="loader"/>; <see cref="LoaderKind.Other"/> when it does not say.</summary>
    public static LoaderKind Of(ILoader? loader) => loader is ILoaderKind known ? known.Kind : LoaderKind.Other;

    /// <summary><c>getattr(loader, '_ORIGIN', None)</c>: <c>built-in</c>, <c>frozen</c> or null.</summary>
    public static string? FixedOrigin(ILoader? loader) => Of(loader) switch
    {
        LoaderKind.BuiltIn => "built-in",
        LoaderKind.Frozen => "frozen",
        _ => null,
    };
}
