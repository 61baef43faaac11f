namespace ActorImport.Python.Interpreting;

/// <summary>Syntax the evaluator does not model; caught inside the evaluator, never escapes it.</summary>
internal sealed class NotEvaluableException(string message) : Exception(message);
