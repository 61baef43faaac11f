namespace ActorImport.Model;

/// <summary><c>--check-hash-based-pycs</c> (<c>_imp.check_hash_based_pycs</c>).</summary>
public enum CheckHashBasedPycs
{
    /// <summary>Checked hash pycs are validated against the source; unchecked ones are trusted.</summary>
    Default,

    /// <summary>Every hash pyc is validated.</summary>
    Always,

    /// <summary>No hash pyc is validated.</summary>
    Never,
}
