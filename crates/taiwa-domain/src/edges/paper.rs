//! Paper: what the print views lay out. Sheets of A4 or JIS B5, portrait,
//! with margins every printer can print; cards laid out a fixed number to a
//! sheet so that no card is ever split across two pages; and which cards a
//! scenario's role set prints as.

use crate::content::{RoleKind, Scenario};

/// A paper size, portrait.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Paper {
    #[default]
    A4,
    /// JIS B5 (182 × 257 mm), the B5 of Japanese notebooks and copiers
    /// (ISO B5 is 176 × 250 mm).
    B5,
}

/// The margin on every side, in millimetres: inside what home and office
/// printers can print (most need 3 to 6 mm).
pub const MARGIN_MM: u32 = 10;

impl Paper {
    pub const ALL: [Paper; 2] = [Paper::A4, Paper::B5];

    pub fn key(self) -> &'static str {
        match self {
            Paper::A4 => "a4",
            Paper::B5 => "b5",
        }
    }

    pub fn from_key(key: &str) -> Option<Paper> {
        Paper::ALL.into_iter().find(|p| p.key() == key)
    }

    /// Width and height, in millimetres.
    pub fn size_mm(self) -> (u32, u32) {
        match self {
            Paper::A4 => (210, 297),
            Paper::B5 => (182, 257),
        }
    }

    /// Width and height inside the margins, in millimetres.
    pub fn printable_mm(self) -> (u32, u32) {
        let (w, h) = self.size_mm();
        (w - 2 * MARGIN_MM, h - 2 * MARGIN_MM)
    }
}

/// How many cards go on one sheet, and how they sit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// Two to a sheet, one above the other: a role card, to hold in the hand.
    Half,
    /// Eight to a sheet, two across and four down: a prompt card.
    Eighth,
}

impl Layout {
    pub fn per_sheet(self) -> usize {
        match self {
            Layout::Half => 2,
            Layout::Eighth => 8,
        }
    }

    /// Columns and rows of a sheet.
    pub fn grid(self) -> (usize, usize) {
        match self {
            Layout::Half => (1, 2),
            Layout::Eighth => (2, 4),
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Layout::Half => "half",
            Layout::Eighth => "eighth",
        }
    }

    /// The sheets `items` fill, in order: every sheet full but the last.
    pub fn sheets<T>(self, items: &[T]) -> Vec<&[T]> {
        items.chunks(self.per_sheet()).collect()
    }

    /// How many sheets `n` cards take.
    pub fn sheet_count(self, n: usize) -> usize {
        n.div_ceil(self.per_sheet())
    }
}

/// Sheets of half-page cards, in order, where a card that does not fit in
/// half a page (`full[i]`, as measured) takes a sheet of its own: never cut,
/// never split. Returns the cards' indices, sheet by sheet.
pub fn pack_halves(full: &[bool]) -> Vec<Vec<usize>> {
    let mut sheets: Vec<Vec<usize>> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    for (i, &whole) in full.iter().enumerate() {
        if whole {
            if !open.is_empty() {
                sheets.push(std::mem::take(&mut open));
            }
            sheets.push(vec![i]);
        } else {
            open.push(i);
            if open.len() == Layout::Half.per_sheet() {
                sheets.push(std::mem::take(&mut open));
            }
        }
    }
    if !open.is_empty() {
        sheets.push(open);
    }
    sheets
}

/// One card of a scenario's set: the situation, for everyone, or one role's
/// card, holding that role only (so it can be handed out face down).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoleSetCard {
    Situation,
    Role(RoleKind),
}

/// The cards of a scenario, as they print: the situation on its own card,
/// then one card per role, in the order of the roles.
pub fn role_set(scenario: &Scenario) -> Vec<RoleSetCard> {
    std::iter::once(RoleSetCard::Situation)
        .chain(scenario.roles.iter().map(|r| RoleSetCard::Role(r.kind)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_card_too_long_for_half_a_page_takes_a_sheet_of_its_own() {
        assert_eq!(pack_halves(&[false; 4]), vec![vec![0, 1], vec![2, 3]]);
        assert_eq!(
            pack_halves(&[false; 5]),
            vec![vec![0, 1], vec![2, 3], vec![4]]
        );
        assert_eq!(
            pack_halves(&[false, true, false, false, true]),
            vec![vec![0], vec![1], vec![2, 3], vec![4]]
        );
        assert_eq!(pack_halves(&[]), Vec::<Vec<usize>>::new());
        // Every card once, in order, and no sheet holds more than two.
        let full = [true, false, false, false, true, true, false];
        let sheets = pack_halves(&full);
        let flat: Vec<usize> = sheets.iter().flatten().copied().collect();
        assert_eq!(flat, (0..full.len()).collect::<Vec<_>>());
        for s in &sheets {
            assert!(!s.is_empty() && s.len() <= 2);
            if s.iter().any(|&i| full[i]) {
                assert_eq!(s.len(), 1, "a whole-page card shares its sheet");
            }
        }
        // The same as the plain layout when every card fits.
        let n = 9;
        assert_eq!(
            pack_halves(&vec![false; n]).len(),
            Layout::Half.sheet_count(n)
        );
    }

    #[test]
    fn papers_are_portrait_and_their_margins_leave_room() {
        for p in Paper::ALL {
            let (w, h) = p.size_mm();
            let (pw, ph) = p.printable_mm();
            assert!(h > w, "{p:?} is portrait");
            assert!(pw > 150 && ph > 230, "{p:?} leaves {pw}×{ph} mm");
            assert_eq!(Paper::from_key(p.key()), Some(p));
        }
        assert_eq!(Paper::B5.size_mm(), (182, 257), "JIS B5, not ISO");
        assert_eq!(Paper::from_key("letter"), None);
    }

    #[test]
    fn cards_fill_whole_sheets_in_order_and_none_is_split() {
        let cards: Vec<usize> = (0..19).collect();
        for layout in [Layout::Half, Layout::Eighth] {
            let sheets = layout.sheets(&cards);
            assert_eq!(sheets.len(), layout.sheet_count(cards.len()));
            let (cols, rows) = layout.grid();
            assert_eq!(cols * rows, layout.per_sheet());
            // Every card once, in order; every sheet but the last full.
            let flat: Vec<usize> = sheets.iter().flat_map(|s| s.iter().copied()).collect();
            assert_eq!(flat, cards);
            for s in &sheets[..sheets.len() - 1] {
                assert_eq!(s.len(), layout.per_sheet());
            }
        }
        assert_eq!(Layout::Half.sheet_count(4), 2);
        assert_eq!(Layout::Half.sheet_count(5), 3);
        assert_eq!(Layout::Eighth.sheet_count(16), 2);
        assert_eq!(Layout::Eighth.sheet_count(0), 0);
    }
}
