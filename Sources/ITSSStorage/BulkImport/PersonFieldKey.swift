/// A person and a field, as a dictionary key.
struct PersonFieldKey: Hashable {
    var personID: Int64
    var fieldID: Int64
}
