using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CareerBot.Bot.Channels.DirectLine;

/// <summary>
/// Issues and checks Direct Line tokens: HS256 JWTs bound to one conversation and one user.
/// The <c>user</c> claim is what Web Chat reads as the user's id. Expiry is checked against
/// the injected clock, so tests can move time.
/// </summary>
internal sealed class DirectLineTokens
{
    private const string Issuer = "careerbot-directline";
    private const string ConversationClaim = "conv";
    private const string UserClaim = "user";

    private readonly JsonWebTokenHandler _handler = new();
    private readonly SymmetricSecurityKey _key;
    private readonly TimeProvider _time;
    private readonly DirectLineOptions _options;

    public DirectLineTokens(IOptions<DirectLineOptions> options, TimeProvider time)
    {
        _options = options.Value;
        _time = time;

        // A configured secret gives a stable key (tokens outlive a restart); otherwise a random one.
        var keyBytes = string.IsNullOrEmpty(_options.Secret)
            ? RandomNumberGenerator.GetBytes(32)
            : HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(_options.Secret), 32, info: Encoding.UTF8.GetBytes("careerbot direct line tokens"));
        _key = new SymmetricSecurityKey(keyBytes);
    }

    public TimeSpan Lifetime => _options.TokenLifetime;

    public string Issue(string conversationId, string userId)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Issuer,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + _options.TokenLifetime,
            Claims = new Dictionary<string, object> { [ConversationClaim] = conversationId, [UserClaim] = userId },
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>Reads a token: null when it is not one of ours (forged, malformed, other key).</summary>
    public async Task<DirectLineToken?> ReadAsync(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 4096)
        {
            return null;
        }

        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Issuer,
            IssuerSigningKey = _key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ValidateLifetime = false, // checked below against the injected clock
            RequireExpirationTime = true,
        }).ConfigureAwait(false);
        if (!result.IsValid
            || result.SecurityToken is not JsonWebToken jwt
            || !jwt.TryGetPayloadValue<string>(ConversationClaim, out var conversationId)
            || !jwt.TryGetPayloadValue<string>(UserClaim, out var userId))
        {
            return null;
        }

        var expires = new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero);
        return new DirectLineToken(conversationId, userId, expires, Expired: _time.GetUtcNow() >= expires);
    }

    /// <summary>Compares a presented secret with the configured one in constant time.</summary>
    public bool IsSecret(string? presented) =>
        !string.IsNullOrEmpty(_options.Secret) && !string.IsNullOrEmpty(presented)
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(_options.Secret)));

    /// <summary>The bearer value of an Authorization header, if it has one.</summary>
    public static string? Bearer(string? header) =>
        header is not null && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
}

/// <summary>What a valid Direct Line token grants: one conversation, as one user, until it expires.</summary>
internal sealed record DirectLineToken(string ConversationId, string UserId, DateTimeOffset Expires, bool Expired);
