namespace GoldenPath.Guardrails;

/// <summary>The JSON types a tool argument schema admits; an integer value is both an integer and a number.</summary>
[Flags]
internal enum SchemaTypes
{
    None = 0,
    String = 1,
    Integer = 2,
    Number = 4,
    Boolean = 8,
    Array = 16,
    Object = 32,
    Null = 64,
}

internal static class SchemaTypeNames
{
    public static readonly (string Name, SchemaTypes Type)[] All =
    [
        ("string", SchemaTypes.String),
        ("integer", SchemaTypes.Integer),
        ("number", SchemaTypes.Number),
        ("boolean", SchemaTypes.Boolean),
        ("array", SchemaTypes.Array),
        ("object", SchemaTypes.Object),
        ("null", SchemaTypes.Null),
    ];
}
