//! UI text for The reframing studio, the open lens and the revisit queue.

strings! {
    Text;
    placeholder: "", "";
}
