using Microsoft.ML;

namespace CareerBot.Knowledge.Intents;

/// <summary>
/// A small pool of ML.NET prediction engines over one shared, read-only model: an engine is not
/// thread-safe, so each classification rents one (with its own input and output rows) and gives
/// it back. Idle engines are held by strong references up to a bound; more are made when many
/// threads classify at once, and those past the bound are disposed on return.
/// </summary>
internal sealed class PredictionEnginePool : IDisposable
{
    private readonly Func<PredictionEngine<IntentInput, IntentOutput>> _create;
    private readonly Lease?[] _idle;
    private bool _disposed;

    public PredictionEnginePool(Func<PredictionEngine<IntentInput, IntentOutput>> create, int capacity)
    {
        ArgumentNullException.ThrowIfNull(create);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _create = create;
        _idle = new Lease?[capacity];
    }

    public Lease Rent()
    {
        for (var i = 0; i < _idle.Length; i++)
        {
            var lease = Interlocked.Exchange(ref _idle[i], null);
            if (lease is not null)
            {
                return lease;
            }
        }

        return new Lease(_create());
    }

    public void Return(Lease lease)
    {
        ArgumentNullException.ThrowIfNull(lease);
        if (!Volatile.Read(ref _disposed))
        {
            for (var i = 0; i < _idle.Length; i++)
            {
                if (Interlocked.CompareExchange(ref _idle[i], lease, null) is null)
                {
                    if (Volatile.Read(ref _disposed))
                    {
                        // Disposed meanwhile: the sweep may have passed this slot already.
                        Interlocked.Exchange(ref _idle[i], null)?.Engine.Dispose();
                    }

                    return;
                }
            }
        }

        lease.Engine.Dispose();
    }

    /// <summary>Disposes the idle engines; engines rented now are disposed when they come back.</summary>
    public void Dispose()
    {
        Volatile.Write(ref _disposed, true);
        for (var i = 0; i < _idle.Length; i++)
        {
            Interlocked.Exchange(ref _idle[i], null)?.Engine.Dispose();
        }
    }

    /// <summary>An engine with the rows it predicts into, so a classification allocates no row.</summary>
    internal sealed class Lease(PredictionEngine<IntentInput, IntentOutput> engine)
    {
        public PredictionEngine<IntentInput, IntentOutput> Engine { get; } = engine;

        public IntentInput Input { get; } = new();

        public IntentOutput Output { get; set; } = new();
    }
}
