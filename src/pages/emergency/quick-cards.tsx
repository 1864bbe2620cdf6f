import { View, Text } from '@tarojs/components'
import { useState } from 'react'
import { QUICK_CARDS } from './steps'
import './quick-cards.scss'

/**
 * 气道梗阻, 大出血, 中风120 under the 120 button: one tap opens a card's few steps (one open at a
 * time, so the CPR steps stay close). Content ships with the page: no network needed.
 */
export function QuickCards() {
  const [open, setOpen] = useState<string>()
  return (
    <View className='quick-cards' data-testid='quick-cards'>
      <Text className='quick-cards__title'>不是心脏骤停？</Text>
      {QUICK_CARDS.map((card) => {
        const shown = open === card.id
        return (
          <View key={card.id} className={`quick-card ${shown ? 'quick-card--open' : ''}`} data-testid={`quick-card-${card.id}`}>
            <View className='quick-card__head' role='button' aria-expanded={shown} onClick={() => setOpen(shown ? undefined : card.id)}>
              <View className='quick-card__label'>
                <Text className='quick-card__name'>{card.title}</Text>
                <Text className='quick-card__when'>{card.when}</Text>
              </View>
              <Text className='quick-card__toggle'>{shown ? '收起' : '怎么做'}</Text>
            </View>
            {shown && (
              <View className='quick-card__steps'>
                {card.steps.map((step, i) => (
                  <View key={step} className='quick-card__step'>
                    <Text className='quick-card__no'>{i + 1}</Text>
                    <Text className='quick-card__text'>{step}</Text>
                  </View>
                ))}
              </View>
            )}
          </View>
        )
      })}
    </View>
  )
}
