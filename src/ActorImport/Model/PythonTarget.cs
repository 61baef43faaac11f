namespace ActorImport.Model;

/// <summary>
/// The constants of the Python version whose bytecode cache layout the engine reproduces
/// (3.11 by default): the raw magic number and <c>sys.implementation.cache_tag</c>.
/// Immutable; safe from any thread.
/// </summary>
public static class PythonTarget
{
    /// <summary>3.11's <c>_RAW_MAGIC_NUMBER</c>: 3495 | b'\r\n' &lt;&lt; 16 = 0x0A0D0DA7.</summary>
    public const uint RawMagicNumber311 = 0x0A0D0DA7;

    /// <summary>3.11's <c>sys.implementation.cache_tag</c>.</summary>
    public const string CacheTag311 = "cpython-311";

    /// <summary><c>importlib.util.MAGIC_NUMBER</c> for a raw magic number: its four little-endian bytes.</summary>
    public static byte[] MagicBytes(uint rawMagicNumber = RawMagicNumber311) =>
    [
        (byte)rawMagicNumber,
        (byte)(rawMagicNumber >> 8),
        (byte)(rawMagicNumber >> 16),
        (byte)(rawMagicNumber >> 24),
    ];
}
