using ActorImport.Model;

namespace ActorImport.Discovery;

/// <summary>
/// The per-engine gate through which host-supplied path hooks, path-entry finders and
/// meta-path finders are called: one at a time, as CPython's global import lock would, unless
/// the callee implements <see cref="IThreadSafe"/>. The gate is re-entrant on one thread (a
/// host finder may call back into the engine). Thread-safety: any thread may call any member.
/// </summary>
public sealed class HostGate
{
    private readonly Lock _gate = new();

    /// <summary>True when the calling thread is inside a gated host call.</summary>
    public bool IsHeldByCurrentThread => _gate.IsHeldByCurrentThread;

    /// <summary>Runs <paramref name="call"/> under the gate unless <paramref name="callee"/> is thread-safe.</summary>
    public T Call<T>(object callee, Func<T> call)
    {
        if (callee is IThreadSafe)
        {
            return call();
        }
        lock (_gate)
        {
            return call();
        }
    }

    /// <summary>Runs <paramref name="call"/> under the gate unless <paramref name="callee"/> is thread-safe.</summary>
    public void Call(object callee, Action call)
    {
        if (callee is IThreadSafe)
        {
            call();
            return;
        }
        lock (_gate)
        {
            call();
        }
    }
}
