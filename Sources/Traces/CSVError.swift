/// A CSV file that cannot be tokenized (unreadable, unterminated quote, no header): the same
/// file-and-line report as every other trace reader error.
public typealias CSVError = TraceError
