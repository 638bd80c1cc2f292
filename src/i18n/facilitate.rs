//! UI text for Facilitation: session plans, the presenter view, timers, harvest and report.

strings! {
    Text;
    placeholder: "", "";
}
