//! Breakout rooms for a step, set up in the console: from the number of
//! people (names optional), rooms of about a chosen size, at random or by
//! what each person would like (a small group, or staying in the whole
//! group); for a role play, who takes which role in each room, turn by turn.
//!
//! Names are typed in the console only. The shared screen shows how many are
//! in each room, never who; the report never reads rooms at all.

use crate::content::RoleKind;
use crate::ground::random;
use serde::{Deserialize, Serialize};

/// The most people the helper takes (a large study group on Zoom).
pub const MAX_PEOPLE: usize = 60;
/// Room sizes the helper offers.
pub const SIZES: std::ops::RangeInclusive<usize> = 2..=8;

/// What a person would like.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Wish {
    /// Either is fine.
    #[default]
    Either,
    /// A small group.
    Small,
    /// Staying in the whole group.
    Whole,
}

/// One person, as the facilitator typed them (a name is optional).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Person {
    pub name: String,
    pub wish: Wish,
}

/// The rooms of one step: who is where (places in `people`), and the turn of
/// the roles.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Rooms {
    /// The step the rooms are for.
    pub step: String,
    pub people: Vec<Person>,
    /// Each room: places in `people`.
    pub rooms: Vec<Vec<usize>>,
    /// Those who stay in the whole group (the main room).
    pub whole: Vec<usize>,
    /// The round of a role play: each round, the roles move on by one.
    pub round: usize,
    /// Shown on the shared screen (without names).
    pub shown: bool,
}

/// How many rooms `n` people make with rooms of at most `size`: as few as
/// keep every room at or under the size, and never a room of one.
pub fn room_count(n: usize, size: usize) -> usize {
    let size = size.max(2);
    if n < 2 {
        return 0;
    }
    n.div_ceil(size).min(n / 2)
}

/// Deals `members` (already in the order wanted) into `count` rooms in turn,
/// so room sizes differ by at most one.
fn deal(members: &[usize], count: usize) -> Vec<Vec<usize>> {
    let mut rooms = vec![Vec::new(); count];
    for (i, m) in members.iter().enumerate() {
        rooms[i % count].push(*m);
    }
    rooms
}

impl Rooms {
    /// Rooms for `people`, of at most `size` each, shuffled by `seed`. With
    /// `by_wish`, those who would stay in the whole group do, and the others
    /// go into rooms; otherwise everyone goes into a room. When fewer than two
    /// would be in rooms, there are none: everyone stays together.
    pub fn assign(
        step: String,
        people: Vec<Person>,
        size: usize,
        by_wish: bool,
        seed: u64,
    ) -> Rooms {
        let (mut pool, mut whole): (Vec<usize>, Vec<usize>) =
            (0..people.len()).partition(|&i| !(by_wish && people[i].wish == Wish::Whole));
        random::shuffle(&mut pool, seed);
        let count = room_count(pool.len(), size);
        let rooms = if count == 0 {
            whole.append(&mut pool);
            whole.sort_unstable();
            Vec::new()
        } else {
            deal(&pool, count)
        };
        Rooms {
            step,
            people,
            rooms,
            whole,
            round: 0,
            shown: false,
        }
    }

    /// How a person is called in the console: their name, or their number.
    pub fn label(&self, place: usize, number: &str) -> String {
        match self.people.get(place).map(|p| p.name.trim()) {
            Some(name) if !name.is_empty() => name.to_string(),
            _ => number.replace("{n}", &(place + 1).to_string()),
        }
    }

    /// The sizes of the rooms, for the shared screen.
    pub fn sizes(&self) -> Vec<usize> {
        self.rooms.iter().map(Vec::len).collect()
    }
}

/// Who takes which role in a room of `members` people in round `round`, for
/// a scenario of `roles` roles: for each member, the role's place, or `None`
/// to watch. Each round the roles move on by one, so over as many rounds as
/// there are members, each takes every part.
pub fn roles_in_room(members: usize, roles: usize, round: usize) -> Vec<Option<usize>> {
    (0..members)
        .map(|m| {
            let slot = (m + round) % members.max(1);
            (slot < roles).then_some(slot)
        })
        .collect()
}

/// The parts in a role-play room of `members` people in round `round`: the
/// supporter and the person, the third role where the scenario has one and
/// the room has three or more, and the others watch (the observer's card).
pub fn parts_in_room(members: usize, has_third: bool, round: usize) -> Vec<RoleKind> {
    let mut playing = vec![RoleKind::Supporter, RoleKind::Person];
    if has_third && members >= 3 {
        playing.push(RoleKind::Third);
    }
    roles_in_room(members, playing.len(), round)
        .into_iter()
        .map(|r| r.map_or(RoleKind::Observer, |i| playing[i]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people(n: usize, wish: impl Fn(usize) -> Wish) -> Vec<Person> {
        (0..n)
            .map(|i| Person {
                name: String::new(),
                wish: wish(i),
            })
            .collect()
    }

    fn balanced(r: &Rooms) -> bool {
        let sizes = r.sizes();
        let (min, max) = (sizes.iter().min(), sizes.iter().max());
        matches!((min, max), (Some(a), Some(b)) if b - a <= 1) || sizes.is_empty()
    }

    #[test]
    fn rooms_for_3_to_30_people_of_sizes_3_to_6_are_balanced_and_hold_everyone_once() {
        for n in 3..=30 {
            for size in 3..=6 {
                for seed in [1, 7, 42] {
                    let r =
                        Rooms::assign("s".into(), people(n, |_| Wish::Either), size, false, seed);
                    assert!(balanced(&r), "{n} people, size {size}: {:?}", r.sizes());
                    assert!(r.sizes().iter().all(|&s| s <= size && s >= 2), "{n}/{size}");
                    let mut all: Vec<usize> = r.rooms.iter().flatten().copied().collect();
                    all.extend(&r.whole);
                    all.sort_unstable();
                    assert_eq!(all, (0..n).collect::<Vec<_>>(), "everyone, once");
                    assert!(r.whole.is_empty(), "at random, everyone is in a room");
                    // As few rooms as keep each at or under the size.
                    assert_eq!(r.rooms.len(), n.div_ceil(size));
                }
            }
        }
    }

    #[test]
    fn by_wish_the_whole_group_stays_and_the_small_group_goes_to_rooms() {
        for n in 3..=30 {
            for size in 3..=6 {
                // Every third person would rather stay in the whole group.
                let wish = |i: usize| match i % 3 {
                    0 => Wish::Whole,
                    1 => Wish::Small,
                    _ => Wish::Either,
                };
                let r = Rooms::assign("s".into(), people(n, wish), size, true, 9);
                let in_rooms: Vec<usize> = r.rooms.iter().flatten().copied().collect();
                if r.rooms.is_empty() {
                    assert!(n - n.div_ceil(3) < 2, "no rooms only when too few want one");
                    continue;
                }
                assert!(balanced(&r), "{n}/{size}: {:?}", r.sizes());
                assert!(
                    r.whole.iter().all(|&i| wish(i) == Wish::Whole),
                    "{n}/{size}"
                );
                assert!(in_rooms.iter().all(|&i| wish(i) != Wish::Whole));
                assert_eq!(in_rooms.len() + r.whole.len(), n);
            }
        }
    }

    #[test]
    fn never_a_room_of_one() {
        let r = Rooms::assign(
            "s".into(),
            people(3, |i| if i == 0 { Wish::Small } else { Wish::Whole }),
            3,
            true,
            1,
        );
        assert!(r.rooms.is_empty());
        assert_eq!(r.whole, vec![0, 1, 2], "one alone stays with the group");
        assert_eq!(room_count(1, 4), 0);
        assert_eq!(room_count(5, 4), 2);
        assert_eq!(
            room_count(3, 2),
            1,
            "three with rooms of two: one room of three"
        );
    }

    #[test]
    fn the_same_seed_gives_the_same_rooms_and_another_seed_may_not() {
        let a = Rooms::assign("s".into(), people(12, |_| Wish::Either), 4, false, 5);
        let b = Rooms::assign("s".into(), people(12, |_| Wish::Either), 4, false, 5);
        assert_eq!(a, b);
        let others = (6..20)
            .map(|seed| Rooms::assign("s".into(), people(12, |_| Wish::Either), 4, false, seed))
            .filter(|c| c.rooms != a.rooms)
            .count();
        assert!(others > 0);
    }

    #[test]
    fn roles_move_on_each_round_and_everyone_takes_every_part() {
        // Three roles in a room of four: one watches each round.
        assert_eq!(
            roles_in_room(4, 3, 0),
            vec![Some(0), Some(1), Some(2), None]
        );
        assert_eq!(
            roles_in_room(4, 3, 1),
            vec![Some(1), Some(2), None, Some(0)]
        );
        for members in 2..=6 {
            for m in 0..members {
                let parts: Vec<Option<usize>> = (0..members)
                    .map(|r| roles_in_room(members, 3, r)[m])
                    .collect();
                for role in 0..3.min(members) {
                    assert!(
                        parts.contains(&Some(role)),
                        "{members}: member {m} plays {role}"
                    );
                }
            }
            // In every round, each role is taken by exactly one person.
            for round in 0..members {
                let roles = roles_in_room(members, 3, round);
                for role in 0..3.min(members) {
                    assert_eq!(roles.iter().filter(|r| **r == Some(role)).count(), 1);
                }
            }
        }
    }

    #[test]
    fn a_role_play_room_has_its_parts_and_the_rest_watch() {
        use RoleKind::*;
        assert_eq!(parts_in_room(2, true, 0), vec![Supporter, Person]);
        assert_eq!(parts_in_room(3, true, 0), vec![Supporter, Person, Third]);
        assert_eq!(
            parts_in_room(3, false, 0),
            vec![Supporter, Person, Observer]
        );
        assert_eq!(
            parts_in_room(4, true, 1),
            vec![Person, Third, Observer, Supporter]
        );
    }

    #[test]
    fn a_person_is_called_by_name_or_by_number() {
        let mut p = people(2, |_| Wish::Either);
        p[0].name = " 佐藤 ".into();
        let r = Rooms::assign("s".into(), p, 2, false, 1);
        assert_eq!(r.label(0, "{n}番"), "佐藤");
        assert_eq!(r.label(1, "{n}番"), "2番");
    }
}
