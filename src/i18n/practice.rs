//! UI text for Role-play practice: the scenario library, solo practice, practising together.

strings! {
    Text;
    placeholder: "", "";
}
