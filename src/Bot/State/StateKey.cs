using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace CareerBot.Bot.State;

/// <summary>
/// How the in-process stores keep a key: its 128-bit XxHash128, 16 bytes inline in a dictionary
/// instead of a string on the heap. A collision between two live keys is about as likely as a
/// cosmic-ray bit flip.
/// </summary>
internal static class StateKey
{
    public static UInt128 Hash(string key) => XxHash128.HashToUInt128(MemoryMarshal.AsBytes(key.AsSpan()));
}
