using System.Runtime.CompilerServices;

namespace ActorImport.Configuration;

/// <summary>
/// How deep a HOCON document may nest before reading it is an error rather than a stack overflow
/// of the process (found by fuzzing: <c>"{" * 100000</c>, <c>"a." * 100000 + "a = 1"</c> and a
/// 100,000-link substitution chain crashed the reader; HOCON itself sets no limit). Real
/// configurations nest a dozen levels. Both limits are also cut short, with the same error, when
/// the thread's stack runs low (<see cref="RuntimeHelpers.TryEnsureSufficientExecutionStack"/>).
/// Constants and a pure check; safe from any thread.
/// </summary>
internal static class HoconNesting
{
    /// <summary>Objects and arrays open inside each other in one file (<c>{ a { b [ … ] } }</c>).</summary>
    public const int MaxBrackets = 256;

    /// <summary>Values being resolved inside each other: object depth (key paths included) plus substitution links.</summary>
    public const int MaxResolving = 1024;

    /// <summary>Throws <see cref="HoconException"/> at <paramref name="position"/> when <paramref name="depth"/> exceeds <paramref name="limit"/> or the stack runs low.</summary>
    public static void Check(int depth, int limit, HoconPosition position, string what)
    {
        if (depth > limit || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new HoconException(position, $"{what} nested too deeply (the limit is {limit} levels)");
        }
    }
}
