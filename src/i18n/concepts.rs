//! UI text for the concept pages: the principles, the tasks, the key ideas.

strings! {
    Text;
    title: "IPSの考え方", "The ideas of IPS";
    intro: "意図的なピアサポートの3つの原則、4つのタスク、そして練習のなかで何度も立ち返る考え方です。どれも短い説明と、ふりかえるための問いがひとつずつあります。", "The three principles and four tasks of Intentional Peer Support, and the ideas the practice keeps returning to. Each has a short explanation and one question to reflect on.";
    principles: "3つの原則", "Three principles";
    tasks: "4つのタスク", "Four tasks";
    ideas: "大切にしている考え方", "Key ideas";
    question: "ふりかえりの問い", "A question to reflect on";
    link: "IPSの考え方を読む", "Read about the ideas of IPS";
}
