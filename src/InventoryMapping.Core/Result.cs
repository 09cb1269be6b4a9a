using System.Diagnostics.CodeAnalysis;

namespace InventoryMapping;

/// <summary>The value of an operation, or the <see cref="DomainError"/> that stopped it.</summary>
public readonly record struct Result<T>
{
    private Result(T? value, DomainError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public DomainError? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public static implicit operator Result<T>(T value) => new(value, null);

    /// <summary>A success, for values an implicit conversion cannot take (interfaces).</summary>
    public static Result<T> Of(T value) => new(value, null);

    public static implicit operator Result<T>(DomainError error) => new(default, error);
}
