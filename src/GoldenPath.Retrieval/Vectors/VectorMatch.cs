namespace GoldenPath.Retrieval;

/// <summary>One hit of a vector-level search.</summary>
/// <param name="Slot">The slot the vector was added under.</param>
/// <param name="Score">Dot product with the query; the cosine when both are unit length.</param>
public readonly record struct VectorMatch(int Slot, float Score);
