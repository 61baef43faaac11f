namespace ActorImport.Actors;

/// <summary>
/// A pending Ask as the kernel sees it: something to fail early (the asked actor threw or
/// stopped) or to time out, holding its slot in <see cref="AskTimeouts"/>.
/// Thread-safety: Fail and TimeOut may race with the reply; the first completion wins and
/// releases the slot. <see cref="Slot"/> is written by the claim before the promise is published
/// in the table, so whoever completes it later finds its slot.
/// </summary>
internal interface IAskPromise
{
    long Deadline { get; }

    int Slot { get; set; }

    void Fail(Exception cause);

    void TimeOut();
}
