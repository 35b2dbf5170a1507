namespace Sharekeep.Core;

/// <summary>How a request to the domain ended. Only <see cref="Ok"/> carries a value.</summary>
public enum OutcomeStatus
{
    Ok,

    /// <summary>An id or key named nothing; <see cref="Outcome{T}.Errors"/> says which input.</summary>
    NotFound,

    /// <summary>The input breaks a rule; <see cref="Outcome{T}.Errors"/> says which and why.</summary>
    Invalid,

    /// <summary>The sharing policy forbids it (sharing, or external sharing for file links, is switched off).</summary>
    SharingOff,

    /// <summary>An upload was larger than the server accepts; nothing was kept.</summary>
    TooLarge,
}

/// <summary>
/// The answer of every domain operation that creates, changes or opens something: the thing, or why not.
/// A struct, because visitors' requests make one each.
/// </summary>
public readonly record struct Outcome<T>(OutcomeStatus Status, T? Value, ValidationErrors? Errors)
    where T : class
{
    public static readonly Outcome<T> SharingOff = new(OutcomeStatus.SharingOff, null, null);

    public static readonly Outcome<T> TooLarge = new(OutcomeStatus.TooLarge, null, null);

    /// <summary>An unknown id or key that a visitor holds: nothing is said about it.</summary>
    public static readonly Outcome<T> Unknown = new(OutcomeStatus.NotFound, null, null);

    public bool IsOk => Status == OutcomeStatus.Ok;

    public static Outcome<T> Ok(T value) => new(OutcomeStatus.Ok, value, null);

    public static Outcome<T> NotFound(string field, string message) =>
        new(OutcomeStatus.NotFound, null, ValidationErrors.Of(field, message));

    public static Outcome<T> Invalid(ValidationErrors errors) => new(OutcomeStatus.Invalid, null, errors);

    public static Outcome<T> Invalid(string field, string message) => Invalid(ValidationErrors.Of(field, message));

    /// <summary>The same refusal for another kind of value; only for outcomes that are not <see cref="OutcomeStatus.Ok"/>.</summary>
    public Outcome<TOther> Refused<TOther>()
        where TOther : class =>
        IsOk ? throw new InvalidOperationException("An Ok outcome is not a refusal.") : new(Status, null, Errors);
}
